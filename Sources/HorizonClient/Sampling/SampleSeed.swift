import HorizonTraces
import HorizonCommon

/// The seed of each sample, derived from the run seed, the problem id and the sample index.
///
/// Every sample is its own request with its own seed, so a rerun asks the server exactly the
/// same questions however the work is scheduled or resumed. The derivation is part of the
/// reproducibility contract and must not change:
/// `SplitMix64.mix(runSeed ^ mix(FNV-1a-64(problemID UTF-8)) ^ mix(sampleIndex + 1))`, keeping
/// the top 31 bits so every server accepts it (llama.cpp takes 32-bit seeds, some servers
/// signed ones).
public enum SampleSeed {
    /// The seed for sample `sampleIndex` of `problemID`, in 0..<2³¹.
    public static func derive(runSeed: UInt64, problemID: String, sampleIndex: Int) -> Int {
        var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in problemID.utf8 {
            fnv ^= UInt64(byte)
            fnv &*= 0x0000_0100_0000_01B3
        }
        let mixed = SplitMix64.mix(runSeed ^ SplitMix64.mix(fnv) ^ SplitMix64.mix(UInt64(sampleIndex) &+ 1))
        return Int(mixed >> 33)
    }
}
