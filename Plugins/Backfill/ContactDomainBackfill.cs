using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.EmailDomains;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Backfill
{
    /// <summary>
    /// Backfill phase 2 (only when the run asks for it): a domain row (source Learned) for the company domain of
    /// each account's contacts' emails, classified as a lead's email is (free mail, disposable, role senders,
    /// own domains and sales ops' rules excluded). A domain that any account already claims is left alone, so a
    /// learned row never competes with a website or manual one; between accounts whose contacts share a domain,
    /// the contact first in id order gives it (deterministic, and sales ops can move the row).
    /// </summary>
    public sealed class ContactDomainBackfill
    {
        public const int PageSize = 500;
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public ContactDomainBackfill(IOrganizationService service, Action<string> trace)
        {
            _service = service;
            _trace = trace ?? (_ => { });
        }

        /// <returns>The last contact id done, or null when no contact is left.</returns>
        public Guid? Run(Guid after, BackfillProgress progress)
        {
            var query = new QueryExpression(ContactColumns.EntityName) { ColumnSet = new ColumnSet(ContactColumns.EmailAddress1, ContactColumns.ParentCustomerId), TopCount = PageSize };
            query.Criteria.AddCondition(ContactColumns.EmailAddress1, ConditionOperator.NotNull);
            query.Criteria.AddCondition(ContactColumns.ParentCustomerId, ConditionOperator.NotNull);
            if (after != Guid.Empty) query.Criteria.AddCondition(ContactColumns.Id, ConditionOperator.GreaterThan, after);
            query.AddOrder(ContactColumns.Id, OrderType.Ascending);
            var contacts = _service.RetrieveMultiple(query).Entities;
            var made = new HashSet<string>(StringComparer.Ordinal);
            foreach (var contact in contacts)
            {
                var account = contact.GetAttributeValue<EntityReference>(ContactColumns.ParentCustomerId);
                if (account == null || account.LogicalName != AccountColumns.EntityName) continue;
                string email = contact.GetAttributeValue<string>(ContactColumns.EmailAddress1);
                ParsedEmail parsed = EmailParser.Parse(email);
                if (!parsed.IsValid) continue;
                IList<ExclusionRule> rules;
                var settings = SettingsReader.ReadWithRules(_service, parsed.Host, out rules);
                var result = SignupClassifier.Classify(email, settings, rules);
                if (!result.IsCompany || string.IsNullOrEmpty(result.Domain) || made.Contains(result.Domain)) continue;
                if (AccountDomainLookup.Claims(_service, new[] { result.Domain }).Count > 0) continue;
                var row = new Entity(AccountDomainColumns.EntityName);
                row[AccountDomainColumns.Name] = result.Domain;
                row[AccountDomainColumns.AccountId] = new EntityReference(AccountColumns.EntityName, account.Id);
                row[AccountDomainColumns.Source] = new OptionSetValue((int)DomainSource.Learned);
                row[AccountDomainColumns.IsPrimary] = false;
                _service.Create(row);
                made.Add(result.Domain);
                progress.Add(BackfillRunColumns.LearnedRowsMade);
                _trace("Learned " + result.Domain + " for account " + account.Id + " from a contact's email");
            }
            if (contacts.Count < PageSize) return null;
            return contacts[contacts.Count - 1].Id;
        }
    }
}
