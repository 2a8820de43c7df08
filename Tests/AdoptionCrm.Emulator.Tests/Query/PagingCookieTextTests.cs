using System.Xml.Linq;
using AdoptionCrm.Emulator.Query;
using Xunit;

namespace AdoptionCrm.Emulator.Tests.Query;

public class PagingCookieTextTests
{
    [Theory]
    [InlineData(1, "accountid")]
    [InlineData(12345, "adopt_adopterid")]
    [InlineData(int.MaxValue, "a")]
    public void The_cookie_text_is_what_XElement_writes_and_reads_back(int page, string primaryKey)
    {
        var cookie = new PagingCookie(page, primaryKey, Guid.NewGuid(), Guid.NewGuid());

        var expected = new XElement("cookie", new XAttribute("page", page),
            new XElement(primaryKey,
                new XAttribute("last", cookie.Last.ToString("B").ToUpperInvariant()),
                new XAttribute("first", cookie.First.ToString("B").ToUpperInvariant())))
            .ToString(SaveOptions.DisableFormatting);

        Assert.Equal(expected, cookie.ToString());
        Assert.Equal(cookie, PagingCookie.TryParse(cookie.ToString(), primaryKey));
    }
}
