import Foundation
import Testing
@testable import HorizonReport

@Test func scratchDump() throws {
    let dir = URL(fileURLWithPath: "/tmp/horizon-report-demo")
    _ = try ReportWriter.write(analyses: [AnalysisFixtures.base(), AnalysisFixtures.sharpened()], to: dir)
    _ = try ReportWriter.write(analyses: [AnalysisFixtures.noLogProbs()], to: dir.appendingPathComponent("nolp"))
    _ = try ReportWriter.write(analyses: [AnalysisFixtures.noGold(), AnalysisFixtures.hostile()], to: dir.appendingPathComponent("nogold"))
}
