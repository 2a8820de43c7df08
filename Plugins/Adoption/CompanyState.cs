using System;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>A company row as the engine reads it under the lock (the step's post-image, or the rebuild's read after its lock).</summary>
    public sealed class CompanyState
    {
        public const string ImageColumns = CompanyColumns.Name + "," + CompanyColumns.Buckets + "," + CompanyColumns.AccountId + ","
            + CompanyColumns.CountedAccountId + "," + CompanyColumns.People + "," + CompanyColumns.RecentPeople + "," + CompanyColumns.Score + ","
            + CompanyColumns.Stage + "," + CompanyColumns.Explanation + "," + CompanyColumns.AsOf;

        public CompanyState(Entity row)
        {
            Row = row;
            Id = row.Id;
            Domain = row.GetAttributeValue<string>(CompanyColumns.Name);
            Buckets = DayBuckets.Parse(row.GetAttributeValue<string>(CompanyColumns.Buckets));
            AccountId = IdOf(row, CompanyColumns.AccountId);
            CountedAccountId = IdOf(row, CompanyColumns.CountedAccountId);
        }

        public Entity Row { get; private set; }
        public Guid Id { get; private set; }
        public string Domain { get; private set; }
        public DayBuckets Buckets { get; private set; }
        public Guid? AccountId { get; private set; }
        public Guid? CountedAccountId { get; private set; }

        private static Guid? IdOf(Entity row, string column)
        {
            var reference = row.GetAttributeValue<EntityReference>(column);
            return reference == null ? (Guid?)null : reference.Id;
        }
    }
}
