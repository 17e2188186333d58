import Foundation

/// The OS user recorded as author of notes, links, stars and tags.
public enum CurrentUser {
    public static var name: String {
        let environment = ProcessInfo.processInfo.environment
        if let user = environment["USER"], !user.isEmpty { return user }
        if let user = environment["LOGNAME"], !user.isEmpty { return user }
        return NSUserName()
    }
}
