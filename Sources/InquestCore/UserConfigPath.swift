/// Where the user's Inquest files live: `$XDG_CONFIG_HOME/inquest/NAME`, else
/// `$HOME/.config/inquest/NAME`; nil when neither variable is set. The one resolution the
/// keymap, themes, canvas settings and team URL files share.
public enum UserConfigPath {
    public static func file(_ name: String, environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/inquest/" + name }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/inquest/" + name }
        return nil
    }
}
