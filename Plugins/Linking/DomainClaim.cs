using System;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Linking
{
    /// <summary>One adopt_accountdomain row claiming a domain for an account.</summary>
    public sealed class DomainClaim
    {
        public DomainClaim(string domain, EntityReference account, string accountName, bool isPrimary, DomainSource source, DateTime createdOn)
        {
            Domain = domain;
            Account = account;
            AccountName = accountName;
            IsPrimary = isPrimary;
            Source = source;
            CreatedOn = createdOn;
        }

        public string Domain { get; private set; }
        public EntityReference Account { get; private set; }
        public string AccountName { get; private set; }
        public bool IsPrimary { get; private set; }
        public DomainSource Source { get; private set; }
        public DateTime CreatedOn { get; private set; }

        /// <summary>Whether the account is active; an inactive account keeps its claims, and every active claim outranks them.</summary>
        public bool AccountIsActive { get; set; } = true;

        /// <summary>The account's owner (a user or a team) when the claim was read.</summary>
        public EntityReference Owner { get; set; }

        /// <summary>Whether that owner is a disabled user (null: a team, or not read).</summary>
        public bool? OwnerIsDisabled { get; set; }
    }
}
