extension JSONValue {
    /// The member `key` of an object; `nil` when absent or when this is not an object. Setting
    /// replaces the member in place or appends it; setting `nil` removes it.
    ///
    /// - Complexity: O(n) in the number of members (objects here are small).
    public subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let members) = self else { return nil }
            return members.first { $0.key == key }?.value
        }
        set {
            guard case .object(var members) = self else { return }
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
            self = .object(members)
        }
    }

    /// The string, or `nil` for any other kind.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The number's value as a double, or `nil` for any other kind.
    public var doubleValue: Double? {
        if case .number(let literal) = self { return Double(literal) }
        return nil
    }

    /// The number's value as an integer when it is one exactly (`3`, `3.0`), else `nil`.
    public var intValue: Int? {
        guard case .number(let literal) = self else { return nil }
        if let exact = Int(literal) { return exact }
        guard let value = Double(literal), value.rounded() == value, abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    /// The elements, or `nil` for any other kind.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members in order, or `nil` for any other kind.
    public var objectMembers: [(key: String, value: JSONValue)]? {
        if case .object(let m) = self { return m }
        return nil
    }

    /// Whether this is JSON `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// This object with `other`'s members laid over it: a key present in both takes `other`'s
    /// value at this object's position (nested objects are replaced, not merged). Non-objects
    /// return `other`.
    public func overlaid(with other: JSONValue) -> JSONValue {
        guard case .object = self, case .object(let extra) = other else { return other }
        var merged = self
        for (key, value) in extra { merged[key] = value }
        return merged
    }
}
