/// A sum is written as its integer count of 2⁻⁶⁴ units, `173444142181416558592`, when no term
/// was infinite or NaN — the usual case, and half the bytes of the keyed form — and otherwise as
/// `{"fixed": …, "nonFinite": …}`. Both forms read back to the same bits; part files of schema
/// version 1 hold only the keyed form.
extension ExactSum: Codable {
    enum CodingKeys: String, CodingKey {
        case fixed, nonFinite
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let fixed = try? single.decode(Int128.self) {
            self.fixed = fixed
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fixed = try container.decode(Int128.self, forKey: .fixed)
        nonFinite = try container.decode(Double.self, forKey: .nonFinite)
    }

    public func encode(to encoder: any Encoder) throws {
        guard nonFinite == 0 else {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(fixed, forKey: .fixed)
            try container.encode(nonFinite, forKey: .nonFinite)
            return
        }
        var single = encoder.singleValueContainer()
        try single.encode(fixed)
    }
}
