using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Reads and writes adopter rows. Only called under the company's row lock (the company's engine step or
    /// the rebuild), so the row read here is the one the company's buckets were computed with. Writes only
    /// the columns that change; a person left with no counted signup loses the row.
    /// </summary>
    public sealed class AdopterWriter
    {
        public static readonly string[] Columns =
        {
            AdopterColumns.Name, AdopterColumns.Email, AdopterColumns.JobTitle, AdopterColumns.FirstSignupOn, AdopterColumns.LastSignupOn,
            AdopterColumns.Signups, AdopterColumns.Usage, AdopterColumns.Invitations, AdopterColumns.LatestLeadId, AdopterColumns.CompanyId,
            AdopterColumns.AccountId, AdopterColumns.Counted, AdopterColumns.SignupList, AdopterColumns.CompanyDay,
        };

        private readonly IOrganizationService _service;

        public AdopterWriter(IOrganizationService service) { _service = service; }

        /// <summary>The stored adopter by its id, or null (a query, not a Retrieve: a missing row is not a fault).</summary>
        public Entity Read(Guid adopterId)
        {
            var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(Columns), TopCount = 1 };
            query.Criteria.AddCondition(AdopterColumns.Id, ConditionOperator.Equal, adopterId);
            var rows = _service.RetrieveMultiple(query).Entities;
            return rows.Count == 0 ? null : rows[0];
        }

        /// <summary>The company's stored adopters by email (paged; the rebuild only).</summary>
        public Dictionary<string, Entity> ReadCompany(Guid companyId)
        {
            var result = new Dictionary<string, Entity>(StringComparer.Ordinal);
            var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(Columns), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
            query.Criteria.AddCondition(AdopterColumns.CompanyId, ConditionOperator.Equal, companyId);
            query.AddOrder(AdopterColumns.Id, OrderType.Ascending);
            while (true)
            {
                var page = _service.RetrieveMultiple(query);
                foreach (var row in page.Entities) result[row.GetAttributeValue<string>(AdopterColumns.Email) ?? ""] = row;
                if (!page.MoreRecords) return result;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }


        public void Write(Entity stored, Guid adopterId, SignupList list, AdopterFacts facts, Guid companyId, Guid? accountId, bool counted) =>
            Execute(_service, Plan(stored, adopterId, list, facts, companyId, accountId, counted));

        /// <summary>The one write that brings the stored row to <paramref name="facts"/> (only the columns that change), or none.</summary>
        public static AdopterWrite Plan(Entity stored, Guid adopterId, SignupList list, AdopterFacts facts, Guid companyId, Guid? accountId, bool counted)
        {
            if (!facts.Exists)
                return stored != null ? new AdopterWrite(AdopterWriteKind.Delete, new Entity(AdopterColumns.EntityName, adopterId)) : AdopterWrite.None;
            var row = new Entity(AdopterColumns.EntityName, adopterId);
            row[AdopterColumns.Name] = Clip(facts.Name, AdopterColumns.NameMaxLength);
            row[AdopterColumns.Email] = facts.Email;
            row[AdopterColumns.JobTitle] = string.IsNullOrEmpty(facts.JobTitle) ? null : facts.JobTitle;
            row[AdopterColumns.FirstSignupOn] = facts.FirstSignupOnUtc;
            row[AdopterColumns.LastSignupOn] = facts.LastSignupOnUtc;
            row[AdopterColumns.Signups] = facts.Signups;
            row[AdopterColumns.Usage] = (int)Math.Min(int.MaxValue, facts.Usage);
            row[AdopterColumns.Invitations] = (int)Math.Min(int.MaxValue, facts.Invitations);
            row[AdopterColumns.LatestLeadId] = new EntityReference(LeadColumns.EntityName, facts.LatestLeadId.Value);
            row[AdopterColumns.CompanyId] = new EntityReference(CompanyColumns.EntityName, companyId);
            row[AdopterColumns.AccountId] = accountId.HasValue ? new EntityReference(AccountColumns.EntityName, accountId.Value) : null;
            row[AdopterColumns.Counted] = counted;
            row[AdopterColumns.SignupList] = list.ToString();
            row[AdopterColumns.CompanyDay] = CompanyDayKey.Of(companyId, facts.LastSignupOnUtc.Value);
            if (stored == null)
            {
                row[AdopterColumns.Id] = adopterId;
                foreach (var key in new List<string>(row.Attributes.Keys)) if (row[key] == null) row.Attributes.Remove(key);
                return new AdopterWrite(AdopterWriteKind.Create, row);
            }
            var update = new Entity(AdopterColumns.EntityName, adopterId);
            foreach (var pair in row.Attributes)
                if (!ColumnValues.Same(stored.Contains(pair.Key) ? stored[pair.Key] : null, pair.Value)) update[pair.Key] = pair.Value;
            return update.Attributes.Count > 0 ? new AdopterWrite(AdopterWriteKind.Update, update) : AdopterWrite.None;
        }

        public static void Execute(IOrganizationService service, AdopterWrite write)
        {
            switch (write.Kind)
            {
                case AdopterWriteKind.Create: service.Create(write.Row); break;
                case AdopterWriteKind.Update: service.Update(write.Row); break;
                case AdopterWriteKind.Delete: service.Delete(AdopterColumns.EntityName, write.Row.Id); break;
            }
        }

        private static string Clip(string text, int max) => text == null || text.Length <= max ? text : text.Substring(0, max);
    }
}
