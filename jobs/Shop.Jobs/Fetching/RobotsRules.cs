using System.Text;

namespace Shop.Jobs.Fetching;

/// <summary>
/// robots.txt as RFC 9309 reads it: the groups whose user-agent matches our product token (case-insensitive, all such
/// groups merged), else the "*" groups, else everything allowed; the longest matching rule wins and Allow wins a tie;
/// "*" matches any characters and a final "$" anchors the end; /robots.txt itself is always allowed.
/// </summary>
public sealed class RobotsRules
{
    /// <summary>RFC 9309 asks crawlers to parse at least 500 KiB; what lies beyond is ignored.</summary>
    public const int MaxParsedBytes = 500 * 1024;

    public static readonly RobotsRules AllowAll = new([]);
    public static readonly RobotsRules DisallowAll = new([new Rule(Allow: false, "/")]);

    private readonly IReadOnlyList<Rule> rules;

    private RobotsRules(IReadOnlyList<Rule> rules) => this.rules = rules;

    private sealed record Rule(bool Allow, string Pattern);

    public static RobotsRules Parse(string text, string productToken)
    {
        var ours = new List<Rule>();
        var star = new List<Rule>();
        bool oursFound = false, starFound = false;
        var groupIsOurs = false;
        var groupIsStar = false;
        var lastWasAgent = false;

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();

            switch (key)
            {
                case "user-agent":
                    if (!lastWasAgent)
                    {
                        // A user-agent line after rules starts a new group.
                        groupIsOurs = false;
                        groupIsStar = false;
                    }
                    var token = value.Split('/', ' ', '\t')[0];
                    if (token == "*") { groupIsStar = true; starFound = true; }
                    else if (token.Length > 0 && string.Equals(token, productToken, StringComparison.OrdinalIgnoreCase))
                    {
                        groupIsOurs = true;
                        oursFound = true;
                    }
                    lastWasAgent = true;
                    break;
                case "allow" or "disallow":
                    lastWasAgent = false;
                    // An empty Disallow allows everything: no rule to add.
                    if (value.Length == 0) break;
                    var rule = new Rule(key == "allow", Normalise(value));
                    if (groupIsOurs) ours.Add(rule);
                    if (groupIsStar) star.Add(rule);
                    break;
                default:
                    // Sitemap, crawl-delay and unknown keys neither end a group's agent list nor add rules.
                    break;
            }
        }
        return new RobotsRules(oursFound ? ours : starFound ? star : []);
    }

    public bool IsAllowed(Uri url)
    {
        var path = Normalise(string.IsNullOrEmpty(url.PathAndQuery) ? "/" : url.PathAndQuery);
        if (path == "/robots.txt") return true;
        Rule? best = null;
        foreach (var rule in rules)
        {
            if (!Matches(path, rule.Pattern)) continue;
            if (best is null || rule.Pattern.Length > best.Pattern.Length ||
                (rule.Pattern.Length == best.Pattern.Length && rule.Allow && !best.Allow))
            {
                best = rule;
            }
        }
        return best?.Allow ?? true;
    }

    /// <summary>Both sides compared in one form: non-ASCII as UTF-8 percent-escapes, escapes in upper case, and
    /// escapes of unreserved characters decoded (RFC 3986 equivalence).</summary>
    internal static string Normalise(string path)
    {
        var sb = new StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && Uri.IsHexDigit(path[i + 1]) && Uri.IsHexDigit(path[i + 2]))
            {
                var decoded = (char)Convert.ToInt32(path.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(decoded) || decoded is '-' or '.' or '_' or '~') sb.Append(decoded);
                else sb.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                i += 2;
            }
            else if (c > 127)
            {
                var scalar = char.IsSurrogatePair(path, i) ? path.Substring(i++, 2) : c.ToString();
                foreach (var b in Encoding.UTF8.GetBytes(scalar)) sb.Append('%').Append(b.ToString("X2"));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Pattern match with "*" and a trailing "$", linear in path length per pattern character (no backtracking blow-up).</summary>
    internal static bool Matches(string path, string pattern)
    {
        // Positions in the path where the pattern so far can have ended.
        var positions = new List<int> { 0 };
        for (var p = 0; p < pattern.Length; p++)
        {
            var pc = pattern[p];
            if (pc == '$' && p == pattern.Length - 1)
            {
                return positions.Contains(path.Length);
            }
            if (pc == '*')
            {
                var from = positions[0];
                positions.Clear();
                for (var i = from; i <= path.Length; i++) positions.Add(i);
                continue;
            }
            var next = new List<int>(positions.Count);
            foreach (var pos in positions)
            {
                if (pos < path.Length && path[pos] == pc) next.Add(pos + 1);
            }
            if (next.Count == 0) return false;
            positions = next;
        }
        return true;
    }
}
