using System;
using System.Text;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// Parses what people and imports put in an email field. Accepts the forms mail software
    /// produces (RFC 5322 addr-spec, RFC 6531 Unicode local parts): a display name with angle
    /// brackets ("Jane Doe &lt;jane@x.com&gt;"), "mailto:", (comments), quoted local parts
    /// ("john doe"@x.com, "a@b"@x.com), a trailing dot on the domain, surrounding whitespace.
    /// Refuses the rest with a reason a person can act on. Never throws.
    /// </summary>
    public static class EmailParser
    {
        // RFC 5321: 64 octets of local part, 254 for the whole path. Longer input is refused early.
        private const int MaxLocalPartLength = 64;
        private const int MaxAddressLength = 254;
        private const int MaxInputLength = 1024;

        public static ParsedEmail Parse(string input)
        {
            if (input == null) return ParsedEmail.Empty();
            string text = input.Trim();
            if (text.Length == 0) return ParsedEmail.Empty();
            if (text.Length > MaxInputLength) return ParsedEmail.Invalid("longer than " + MaxInputLength + " characters");

            // "Jane <jane@x.com>": the address is inside the last angle brackets.
            int open = LastIndexOutsideQuotes(text, '<');
            if (open >= 0)
            {
                int close = text.IndexOf('>', open + 1);
                if (close < 0) return ParsedEmail.Invalid("'<' without a closing '>'");
                text = text.Substring(open + 1, close - open - 1).Trim();
            }
            else if (text.IndexOf('>') >= 0) return ParsedEmail.Invalid("'>' without an opening '<'");

            if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) text = text.Substring(7).Trim();

            string reason;
            text = RemoveComments(text, out reason);
            if (text == null) return ParsedEmail.Invalid(reason);
            if (text.Length == 0) return ParsedEmail.Invalid("no address inside the brackets or comments");

            int at = -1, ats = 0;
            bool quoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\\' && quoted) { i++; continue; }
                if (c == '"') quoted = !quoted;
                else if (c == '@' && !quoted) { at = i; ats++; }
            }
            if (quoted) return ParsedEmail.Invalid("unclosed quote");
            if (ats == 0) return ParsedEmail.Invalid("no '@'");
            if (ats > 1) return ParsedEmail.Invalid("more than one '@'");

            string local = text.Substring(0, at).Trim();
            string domain = text.Substring(at + 1).Trim();
            if (local.Length == 0) return ParsedEmail.Invalid("nothing before the '@'");
            if (domain.Length == 0) return ParsedEmail.Invalid("nothing after the '@'");

            string normalizedLocal = NormalizeLocalPart(local, out reason);
            if (normalizedLocal == null) return ParsedEmail.Invalid(reason);

            string host = DomainNormalizer.ToAsciiHost(domain, out reason);
            if (host == null) return ParsedEmail.Invalid(reason);
            if (normalizedLocal.Length + 1 + host.Length > MaxAddressLength) return ParsedEmail.Invalid("address longer than " + MaxAddressLength + " characters");
            return ParsedEmail.Valid(normalizedLocal, host);
        }

        private static int LastIndexOutsideQuotes(string text, char wanted)
        {
            int found = -1;
            bool quoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\\' && quoted) { i++; continue; }
                if (c == '"') quoted = !quoted;
                else if (c == wanted && !quoted) found = i;
            }
            return found;
        }

        // RFC 5322 comments: "(…)" outside quotes, nestable. They carry no meaning for the address.
        private static string RemoveComments(string text, out string reason)
        {
            reason = null;
            if (text.IndexOf('(') < 0 && text.IndexOf(')') < 0) return text;
            var sb = new StringBuilder(text.Length);
            int depth = 0;
            bool quoted = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (quoted)
                {
                    sb.Append(c);
                    if (c == '\\' && i + 1 < text.Length) sb.Append(text[++i]);
                    else if (c == '"') quoted = false;
                    continue;
                }
                if (c == '(') { depth++; continue; }
                if (c == ')')
                {
                    if (depth == 0) { reason = "')' without an opening '('"; return null; }
                    depth--;
                    continue;
                }
                if (depth > 0) { if (c == '\\') i++; continue; }
                if (c == '"') quoted = true;
                sb.Append(c);
            }
            if (depth > 0) { reason = "unclosed comment '('"; return null; }
            return sb.ToString().Trim();
        }

        // atext of RFC 5322 besides letters and digits; any non-ASCII letter is allowed (RFC 6531).
        private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

        // The person is the address as written, case-folded and in Unicode NFC, so "Ann@", "ANN@" and an
        // "ánn@" typed with a combining accent are one person. Format characters (Unicode category Cf: zero-width
        // spaces and joiners, bidi marks), which no one types on purpose and which make two identical-looking
        // addresses differ, are removed. Plus-addressing ("ann+crm@") is kept: subaddressing is a convention of
        // some mail servers (RFC 5233), not of the address format, so "ann+crm" may be a different mailbox.
        private static string NormalizeLocalPart(string local, out string reason)
        {
            reason = null;
            local = WithoutFormatCharacters(local);
            if (local.Length == 0) { reason = "nothing but invisible characters before the '@'"; return null; }
            try { local = local.Normalize(NormalizationForm.FormC); }
            catch (ArgumentException) { reason = "invalid Unicode before the '@'"; return null; }
            string content;
            if (local[0] == '"')
            {
                if (local.Length < 2 || local[local.Length - 1] != '"') { reason = "text after the quoted local part"; return null; }
                var sb = new StringBuilder(local.Length);
                for (int i = 1; i < local.Length - 1; i++)
                {
                    char c = local[i];
                    if (c == '\\') { if (i + 1 < local.Length - 1) c = local[++i]; else { reason = "dangling '\\' in quotes"; return null; } }
                    else if (c == '"') { reason = "text after the quoted local part"; return null; }
                    if (c < 0x20 || c == 0x7f) { reason = "control character in the address"; return null; }
                    sb.Append(c);
                }
                content = sb.ToString();
                if (content.Length == 0) { reason = "empty quoted local part"; return null; }
                if (!IsDotAtom(content))
                {
                    // Keep the quotes where the content needs them; escape what must be escaped.
                    content = "\"" + content.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
                }
            }
            else
            {
                foreach (char c in local)
                {
                    if (c < 0x20 || c == 0x7f) { reason = "control character in the address"; return null; }
                    if (char.IsWhiteSpace(c)) { reason = "space in the address"; return null; }
                }
                if (!IsDotAtom(local))
                {
                    reason = local[0] == '.' || local[local.Length - 1] == '.' || local.IndexOf("..", StringComparison.Ordinal) >= 0
                        ? "misplaced dot in the part before the '@'"
                        : "character not allowed before the '@' (quote it)";
                    return null;
                }
                content = local;
            }
            if (content.Length > MaxLocalPartLength) { reason = "part before the '@' longer than " + MaxLocalPartLength + " characters"; return null; }
            return content.ToLowerInvariant();
        }

        private static string WithoutFormatCharacters(string s)
        {
            StringBuilder sb = null;
            for (int i = 0; i < s.Length; i++)
            {
                if (char.GetUnicodeCategory(s, i) == System.Globalization.UnicodeCategory.Format)
                {
                    if (sb == null) sb = new StringBuilder(s, 0, i, s.Length);
                    continue;
                }
                if (sb != null) sb.Append(s[i]);
            }
            return sb == null ? s : sb.ToString();
        }

        private static bool IsDotAtom(string s)
        {
            if (s.Length == 0 || s[0] == '.' || s[s.Length - 1] == '.') return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '.') { if (s[i - 1] == '.') return false; continue; }
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) continue;
                if (c > 0x7f) { if (char.IsControl(c) || char.IsWhiteSpace(c)) return false; continue; }
                if (AtomSpecials.IndexOf(c) < 0) return false;
            }
            return true;
        }
    }
}
