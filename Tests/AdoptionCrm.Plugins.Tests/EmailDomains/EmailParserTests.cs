using AdoptionCrm.Plugins.EmailDomains;

namespace AdoptionCrm.Plugins.Tests.EmailDomains;

public class EmailParserTests
{
    [Theory]
    [InlineData("jane@contoso.com", "jane@contoso.com")]
    [InlineData("  Jane.Doe@Contoso.COM  ", "jane.doe@contoso.com")]
    [InlineData("jane@contoso.com.", "jane@contoso.com")]
    [InlineData("Jane Doe <jane@contoso.com>", "jane@contoso.com")]
    [InlineData("\"Doe, Jane\" <Jane@Contoso.com>", "jane@contoso.com")]
    [InlineData("<jane@contoso.com>", "jane@contoso.com")]
    [InlineData("mailto:jane@contoso.com", "jane@contoso.com")]
    [InlineData("jane(work)@contoso.com", "jane@contoso.com")]
    [InlineData("(comment)jane@contoso.com (another)", "jane@contoso.com")]
    [InlineData("\"john doe\"@x.com", "\"john doe\"@x.com")]
    [InlineData("\"john\"@x.com", "john@x.com")]                // quotes not needed: dropped
    [InlineData("\"a@b\"@x.com", "\"a@b\"@x.com")]              // '@' inside quotes is the local part's
    [InlineData("jane+trial@contoso.com", "jane+trial@contoso.com")] // plus-addressing kept: may be another mailbox (RFC 5233 is optional)
    [InlineData("JU\u0308RGEN@Contoso.com", "jürgen@contoso.com")]   // case-folded and NFC: a combining accent is the same person
    [InlineData("ann\u200B@contoso.com", "ann@contoso.com")]         // format characters (zero-width space) removed
    [InlineData("a\u200Dn\u2060n\uFEFF@contoso.com", "ann@contoso.com")]
    [InlineData("o'brien@contoso.ie", "o'brien@contoso.ie")]
    [InlineData("jürgen@bücher.de", "jürgen@xn--bcher-kva.de")] // RFC 6531 Unicode local part
    [InlineData("用户@例子.广告", "用户@xn--fsqu00a.xn--4rr70v")] // punycode as node's url.domainToASCII gives it
    public void Parses_and_normalises(string input, string expected)
    {
        ParsedEmail result = EmailParser.Parse(input);
        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(expected, result.NormalizedEmail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Empty_input_is_marked_empty(string? input)
    {
        ParsedEmail result = EmailParser.Parse(input!);
        Assert.Equal(EmailStatus.Empty, result.Status);
        Assert.Null(result.NormalizedEmail);
    }

    [Theory]
    [InlineData("jane.contoso.com", "no '@'")]
    [InlineData("jane@doe@contoso.com", "more than one '@'")]
    [InlineData("@contoso.com", "nothing before")]
    [InlineData("jane@", "nothing after")]
    [InlineData("jane doe@contoso.com", "space")]
    [InlineData("jane@con toso.com", "space")]
    [InlineData(".jane@contoso.com", "dot")]
    [InlineData("jane..doe@contoso.com", "dot")]
    [InlineData("jane.@contoso.com", "dot")]
    [InlineData("ja\u0000ne@contoso.com", "control character")]
    [InlineData("jane@con\u0007toso.com", "control character")]
    [InlineData("\"jane@contoso.com", "unclosed quote")]
    [InlineData("Jane <jane@contoso.com", "'<' without")]
    [InlineData("jane@contoso.com>", "'>' without")]
    [InlineData("jane(@contoso.com", "unclosed comment")]
    [InlineData("jane@localhost", "needs a dot")]
    [InlineData("jane@[10.0.0.1]", "address literal")]
    [InlineData("jane@10.0.0.1", "IP address")]
    [InlineData("ja,ne@contoso.com", "not allowed")]
    [InlineData("Jane <>", "no address")]
    [InlineData("\u200B\u200C@contoso.com", "invisible characters")]
    public void Malformed_input_gets_a_clear_mark(string input, string reasonPart)
    {
        ParsedEmail result = EmailParser.Parse(input);
        Assert.Equal(EmailStatus.Invalid, result.Status);
        Assert.Null(result.NormalizedEmail);
        Assert.Contains(reasonPart, result.Reason);
    }

    [Fact]
    public void Overlong_input_is_refused_without_work()
    {
        Assert.Contains("longer than", EmailParser.Parse(new string('a', 1000) + "@contoso.com").Reason);
        Assert.Contains("longer than", EmailParser.Parse("jane@" + new string('a', 1000) + ".com").Reason);
        Assert.Contains("longer than", EmailParser.Parse(new string('a', 65) + "@contoso.com").Reason);
        Assert.Contains("longer than", EmailParser.Parse(new string('x', 100_000)).Reason);
        Assert.True(EmailParser.Parse(new string('a', 64) + "@contoso.com").IsValid);
    }
}
