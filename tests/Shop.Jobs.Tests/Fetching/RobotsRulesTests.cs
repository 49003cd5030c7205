using Shop.Jobs.Fetching;

namespace Shop.Jobs.Tests.Fetching;

public sealed class RobotsRulesTests
{
    private static bool Allowed(string robots, string path, string token = "ShopBot") =>
        RobotsRules.Parse(robots, token).IsAllowed(new Uri("https://supplier.example" + path));

    [Fact]
    public void Nothing_is_disallowed_without_rules() => Assert.True(Allowed("", "/anything"));

    [Fact]
    public void The_star_group_applies_when_no_group_names_us()
    {
        Assert.False(Allowed("User-agent: *\nDisallow: /private", "/private/page"));
        Assert.True(Allowed("User-agent: *\nDisallow: /private", "/public"));
    }

    [Fact]
    public void Our_own_group_replaces_the_star_group_and_matches_case_insensitively()
    {
        const string robots = "User-agent: *\nDisallow: /\n\nUser-agent: shopbot\nDisallow: /checkout";
        Assert.True(Allowed(robots, "/products/roller"));
        Assert.False(Allowed(robots, "/checkout/step1"));
    }

    [Fact]
    public void Groups_naming_us_are_merged()
    {
        const string robots = "User-agent: ShopBot\nDisallow: /a\n\nUser-agent: OtherBot\nDisallow: /b\n\nUser-agent: ShopBot/2.0\nDisallow: /c";
        Assert.False(Allowed(robots, "/a"));
        Assert.True(Allowed(robots, "/b"));
        Assert.False(Allowed(robots, "/c"));
    }

    [Fact]
    public void Consecutive_user_agent_lines_share_one_group()
    {
        const string robots = "User-agent: OtherBot\nUser-agent: ShopBot\nDisallow: /shared";
        Assert.False(Allowed(robots, "/shared/x"));
    }

    [Fact]
    public void The_longest_match_wins_and_allow_wins_a_tie()
    {
        const string robots = "User-agent: *\nDisallow: /shop\nAllow: /shop/products\nAllow: /page\nDisallow: /page";
        Assert.False(Allowed(robots, "/shop/cart"));
        Assert.True(Allowed(robots, "/shop/products/roller"));
        Assert.True(Allowed(robots, "/page"));
    }

    [Fact]
    public void Wildcards_and_end_anchors_match_as_the_rfc_says()
    {
        const string robots = "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\nDisallow: /exact$";
        Assert.False(Allowed(robots, "/docs/manual.pdf"));
        Assert.True(Allowed(robots, "/docs/manual.pdf.html"));
        Assert.False(Allowed(robots, "/products?session=abc"));
        Assert.False(Allowed(robots, "/exact"));
        Assert.True(Allowed(robots, "/exact/more"));
    }

    [Fact]
    public void An_empty_disallow_allows_everything() => Assert.True(Allowed("User-agent: *\nDisallow:", "/x"));

    [Fact]
    public void Comments_unknown_keys_and_odd_spacing_are_tolerated()
    {
        const string robots = "# our rules\r\nUSER-AGENT :   *   # everyone\r\nCrawl-delay: 5\r\nSitemap: https://x/s.xml\r\nDISALLOW:/tmp # temp\r\n";
        Assert.False(Allowed(robots, "/tmp/file"));
        Assert.True(Allowed(robots, "/products"));
    }

    [Fact]
    public void Percent_encoding_and_non_ascii_compare_equal()
    {
        const string robots = "User-agent: *\nDisallow: /caf\u00e9\nDisallow: /%7Euser";
        Assert.False(Allowed(robots, "/caf%C3%A9/menu"));
        Assert.False(Allowed(robots, "/~user/home"));
    }

    [Fact]
    public void Robots_txt_itself_is_always_allowed() => Assert.True(Allowed("User-agent: *\nDisallow: /", "/robots.txt"));

    [Fact]
    public void Rules_before_any_user_agent_line_are_ignored() => Assert.True(Allowed("Disallow: /\nUser-agent: OtherBot\nDisallow: /", "/x"));

    [Fact]
    public void Many_wildcards_do_not_blow_up()
    {
        var robots = "User-agent: *\nDisallow: /" + string.Concat(Enumerable.Repeat("*a", 200)) + "b";
        var path = "/" + new string('a', 5000);
        Assert.True(Allowed(robots, path));
    }
}
