import XCTest
@testable import FirstStepKit

final class CoreLoadTests: XCTestCase {
    func testLoadsTheHostBuiltCore() {
        XCTAssertNotNil(CoreInfo.version.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression))
    }
}
