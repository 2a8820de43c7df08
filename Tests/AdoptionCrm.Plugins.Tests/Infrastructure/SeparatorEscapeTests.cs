using AdoptionCrm.Plugins.Infrastructure;
using CsCheck;

namespace AdoptionCrm.Plugins.Tests.Infrastructure;

public class SeparatorEscapeTests
{
    [Fact]
    public void Any_value_reads_back_unchanged_and_its_escaped_form_holds_no_separator()
    {
        Gen.String[Gen.Char["abc%&=;:/ +é\u00e9\u4e2d\n"], 0, 40].Sample(value =>
        {
            var escaped = SeparatorEscape.Escape(value, '&', '=');
            Assert.DoesNotContain('&', escaped);
            Assert.DoesNotContain('=', escaped);
            Assert.Equal(value, Uri.UnescapeDataString(escaped));
        });
    }

    [Fact]
    public void A_value_without_separators_or_percent_signs_is_returned_as_it_is()
    {
        const string value = "Ann O'Brien; CTO: a/b é";
        Assert.Same(value, SeparatorEscape.Escape(value, '&', '='));
        Assert.Equal("50%25%26more%3D", SeparatorEscape.Escape("50%&more=", '&', '='));
        Assert.Equal("a%3Bb%3Dc&d", SeparatorEscape.Escape("a;b=c&d", ';', '='));
    }
}
