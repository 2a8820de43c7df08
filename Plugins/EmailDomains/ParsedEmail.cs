namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>The result of parsing an email field: never thrown, always returned.</summary>
    public sealed class ParsedEmail
    {
        private ParsedEmail(EmailStatus status, string localPart, string host, string normalizedEmail, string reason)
        {
            Status = status;
            LocalPart = localPart;
            Host = host;
            NormalizedEmail = normalizedEmail;
            Reason = reason;
        }

        public EmailStatus Status { get; }
        public bool IsValid => Status == EmailStatus.Valid;

        /// <summary>The local part, lowercase, unquoted when quotes were not needed ("john"@x → john).</summary>
        public string LocalPart { get; }

        /// <summary>The full host in canonical form (lowercase, punycode, no trailing dot).</summary>
        public string Host { get; }

        /// <summary>
        /// local@host, lowercase: the key for counting distinct people. Plus tags and dots are kept:
        /// whether they matter is the mail provider's rule, and the big free-mail providers that
        /// ignore them are excluded anyway.
        /// </summary>
        public string NormalizedEmail { get; }

        /// <summary>Why the field was refused (Invalid, Empty); null when valid.</summary>
        public string Reason { get; }

        internal static ParsedEmail Valid(string localPart, string host) => new ParsedEmail(EmailStatus.Valid, localPart, host, localPart + "@" + host, null);
        internal static ParsedEmail Invalid(string reason) => new ParsedEmail(EmailStatus.Invalid, null, null, null, reason);
        internal static ParsedEmail Empty() => new ParsedEmail(EmailStatus.Empty, null, null, null, "no email address");

        public override string ToString() => IsValid ? NormalizedEmail : Status + ": " + Reason;
    }
}
