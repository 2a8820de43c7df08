using System;
using System.Collections.Generic;

namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>
    /// Local parts that name an automated or mail-infrastructure mailbox rather than a person.
    /// Counted as role senders:
    ///   noreply / no-reply / donotreply and their spellings (with '-', '_', '.' or nothing between
    ///   the words, and any suffix such as noreply-billing): nobody reads them, they are machines;
    ///   mailer-daemon, postmaster, hostmaster, webmaster, abuse (RFC 2142 infrastructure names),
    ///   bounce / bounces: mail-system addresses, never a signup by a person.
    /// Not counted: info, support, sales, admin, contact, office, hello. They are shared inboxes, but
    /// at small companies they are often how the one person who signs up writes (solo practices,
    /// small firms); dropping them loses real adopters, the complaint in mission-anchors §3.2. Sales
    /// ops can still exclude a specific address's domain with a rule.
    /// Plus tags are ignored: noreply+alerts@x.com is a role sender.
    /// </summary>
    public static class RoleSenders
    {
        private static readonly HashSet<string> ExactNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "mailer-daemon", "mailerdaemon", "postmaster", "hostmaster", "webmaster", "abuse", "bounce", "bounces",
        };

        // Compared with '-', '_' and '.' removed, as a prefix.
        private static readonly string[] NoReplyPrefixes = { "noreply", "donotreply", "noresponse", "donotrespond" };

        /// <summary>The list as documented, for the reason text and tests.</summary>
        public static IEnumerable<string> Names => ExactNames;

        /// <summary>True when the (lowercase) local part names a role sender.</summary>
        public static bool IsRoleSender(string localPart)
        {
            if (string.IsNullOrEmpty(localPart)) return false;
            string name = localPart.Trim('"');
            int plus = name.IndexOf('+');
            if (plus > 0) name = name.Substring(0, plus);
            if (ExactNames.Contains(name)) return true;
            string squeezed = name.Replace("-", "").Replace("_", "").Replace(".", "");
            foreach (string prefix in NoReplyPrefixes)
                if (squeezed.StartsWith(prefix, StringComparison.Ordinal)) return true;
            return false;
        }
    }
}
