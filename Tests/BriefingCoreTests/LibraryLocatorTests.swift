import Foundation
import XCTest
@testable import BriefingCore

/// The library is found next to the real executable, whatever name or link started it.
final class LibraryLocatorTests: XCTestCase {
    private var root = ""

    /// An installed layout in a temporary folder: `PREFIX/bin/briefing` and `PREFIX/share/briefing`
    /// with `Briefings/` and `Snippets/`, and a folder `links/` outside it.
    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.path + "/locator-\(UUID().uuidString)"
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/prefix/bin", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/prefix/share/briefing/Briefings", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/prefix/share/briefing/Snippets", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/links", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        XCTAssertTrue(manager.createFile(atPath: binary, contents: Data("#!/bin/sh\n".utf8),
                                         attributes: [.posixPermissions: 0o755]))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    private var binary: String { root + "/prefix/bin/briefing" }
    private var installedLibrary: String { root + "/prefix/share/briefing" }

    func testProcSelfExeIsFollowedToTheRealBinary() throws {
        let fakeProc = root + "/links/exe"
        try FileManager.default.createSymbolicLink(atPath: fakeProc, withDestinationPath: binary)
        let found = LibraryLocator.runningExecutable(procSelfExe: fakeProc, argument0: "something-else",
                                                     environment: ["PATH": "/nowhere"], currentDirectory: "/")
        XCTAssertEqual(found, binary)
    }

    func testWithoutProcABareNameIsSearchedOnPathAndItsLinkResolved() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/links/briefing", withDestinationPath: binary)
        let found = LibraryLocator.runningExecutable(procSelfExe: root + "/no-proc/self/exe", argument0: "briefing",
                                                     environment: ["PATH": "/nowhere:\(root)/elsewhere:\(root)/links"],
                                                     currentDirectory: "/")
        XCTAssertEqual(found, binary)
    }

    func testWithoutProcARelativePathIsTakenFromTheCurrentDirectory() throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/links/briefing", withDestinationPath: "../prefix/bin/briefing")
        let found = LibraryLocator.runningExecutable(procSelfExe: root + "/no-proc/self/exe", argument0: "./links/briefing",
                                                     environment: [:], currentDirectory: root)
        XCTAssertEqual(found, binary)
    }

    func testWithoutProcANameNotOnPathIsNothing() {
        let found = LibraryLocator.runningExecutable(procSelfExe: root + "/no-proc/self/exe", argument0: "briefing",
                                                     environment: ["PATH": "\(root)/elsewhere"], currentDirectory: "/")
        XCTAssertEqual(found, "")
    }

    func testTheRunningTestBinaryIsFoundFromTheRealProcSelfExe() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/proc/self/exe"), "no /proc here")
        let found = LibraryLocator.runningExecutable(argument0: "not-the-name", environment: [:], currentDirectory: "/")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: found), found)
        XCTAssertEqual(URL(fileURLWithPath: found).resolvingSymlinksInPath().path, found)
    }

    func testTheInstalledLibraryIsFoundFromALinkToTheBinary() throws {
        let link = root + "/links/briefing"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: binary)
        XCTAssertEqual(LibraryLocator.libraryBeside(executable: link), installedLibrary)
        let located = try LibraryLocator.locate(explicit: nil, environment: [:], currentDirectory: root + "/elsewhere",
                                                executablePath: link)
        XCTAssertEqual(located, installedLibrary)
    }

    func testALibraryAboveTheCurrentDirectoryComesBeforeTheInstalledOne() throws {
        let project = root + "/project"
        try FileManager.default.createDirectory(atPath: project + "/Briefings", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: project + "/Snippets/sub", withIntermediateDirectories: true)
        let located = try LibraryLocator.locate(explicit: nil, environment: [:], currentDirectory: project + "/Snippets/sub",
                                                executablePath: binary)
        XCTAssertEqual(located, project)
    }

    func testNoLibraryAnywhereIsInputNotFound() {
        XCTAssertThrowsError(try LibraryLocator.locate(explicit: nil, environment: [:], currentDirectory: root + "/elsewhere",
                                                       executablePath: root + "/links/nothing")) { error in
            XCTAssertEqual((error as? BriefingError)?.exitCode, 66)
        }
    }
}
