namespace AdoptionCrm.Plugins.EmailDomains
{
    /// <summary>The result of normalising a host: never thrown, always returned.</summary>
    public sealed class NormalizedDomain
    {
        private NormalizedDomain(bool isValid, string host, string domain, string reason)
        {
            IsValid = isValid;
            Host = host;
            Domain = domain;
            Reason = reason;
        }

        /// <summary>False when the input is not a usable internet host name.</summary>
        public bool IsValid { get; }

        /// <summary>The full host: trimmed, lowercase, IDN in punycode, no trailing dot. Null when invalid.</summary>
        public string Host { get; }

        /// <summary>
        /// The domain that identifies the company: the registrable domain (contoso.co.uk), the tenant
        /// host (contoso.onmicrosoft.com), or the full host when subdomains are kept apart. Null when invalid.
        /// </summary>
        public string Domain { get; }

        /// <summary>Why the domain is what it is, or why the input was refused; for people to read.</summary>
        public string Reason { get; }

        internal static NormalizedDomain Valid(string host, string domain, string reason) => new NormalizedDomain(true, host, domain, reason);

        internal static NormalizedDomain Invalid(string reason) => new NormalizedDomain(false, null, null, reason);

        public override string ToString() => IsValid ? Domain : "invalid: " + Reason;
    }
}
