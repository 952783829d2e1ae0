import HorizonClient
import Testing

@Suite struct ProbeLengthListTests {
    @Test("token counts unless any value has a decimal point, then fractions of the thinking")
    func countsOrFractions() throws {
        #expect(try #require(ProbeLengthList(parsing: "1,25,200")).lengths == [.tokens(1), .tokens(25), .tokens(200)])
        #expect(try #require(ProbeLengthList(parsing: "0, 0.5,1")).lengths == [.fraction(0), .fraction(0.5), .fraction(1)])
        #expect(try #require(ProbeLengthList(parsing: "0")).lengths == [.tokens(0)])
        #expect(ProbeLengthList(parsing: "0, 0.5,1")?.description == "0,0.5,1")
    }

    @Test("none: no truncation probe, for runs that only resample or force budgets")
    func none() throws {
        let list = try #require(ProbeLengthList(parsing: "none"))
        #expect(list.lengths.isEmpty && list.description == "none")
        #expect(ProbeLengthList(parsing: "none,1") == nil)
    }

    @Test("a value that is no count, a fraction outside [0, 1], or an empty list is refused",
          arguments: ["", ",", "-1", "1,x", "0.5,2", "1.5", "nan", "0.5,-0.1", "25,2.0e1x"])
    func refused(text: String) {
        #expect(ProbeLengthList(parsing: text) == nil)
    }

    @Test func resamplePositionsAreAtLeastOne() throws {
        #expect(try #require(ResamplePositionList(parsing: "1, 25,200")).positions == [1, 25, 200])
        for text in ["", "0", "1,0", "2.5", "x", "-3"] { #expect(ResamplePositionList(parsing: text) == nil, "\(text)") }
    }
}
