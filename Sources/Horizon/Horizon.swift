@_exported import HorizonTraces
