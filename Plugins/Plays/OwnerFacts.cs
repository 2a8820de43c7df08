using System;
using System.Collections.Generic;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Plays
{
    /// <summary>
    /// Whether an owner can receive work, read once per owner per play. A team can; a user can when the row is
    /// there, not disabled (systemuser.isdisabled) and not SYSTEM. A plug-in cannot learn SYSTEM's id from any
    /// documented call and the docs do not say whether SYSTEM reads as disabled, so it is also recognised by the
    /// name the platform shows for it ("SYSTEM"); either way it never owns a play.
    /// </summary>
    public sealed class OwnerFacts
    {
        public const string SystemUserName = "SYSTEM";

        private readonly IOrganizationService _service;
        private readonly Dictionary<Guid, Entity> _users = new Dictionary<Guid, Entity>();

        public OwnerFacts(IOrganizationService service) { _service = service; }

        public bool IsUsable(EntityReference owner)
        {
            if (owner == null) return false;
            if (owner.LogicalName == OwnerTables.Team) return true;
            if (owner.LogicalName != SystemUserColumns.EntityName) return false;
            var user = User(owner.Id);
            return user != null && user.GetAttributeValue<bool?>(SystemUserColumns.IsDisabled) != true && !IsSystem(owner);
        }

        public bool IsSystem(EntityReference owner)
        {
            if (owner == null || owner.LogicalName != SystemUserColumns.EntityName) return false;
            var user = User(owner.Id);
            return user != null && string.Equals(user.GetAttributeValue<string>(SystemUserColumns.FullName), SystemUserName, StringComparison.Ordinal);
        }

        /// <summary>The queue's owner (a user or team), or null when the queue is gone.</summary>
        public EntityReference QueueOwner(EntityReference queue)
        {
            var query = new QueryExpression(OwnerTables.Queue) { ColumnSet = new ColumnSet(OwnerTables.OwnerId), TopCount = 1 };
            query.Criteria.AddCondition(OwnerTables.QueueId, ConditionOperator.Equal, queue.Id);
            foreach (var row in _service.RetrieveMultiple(query).Entities) return row.GetAttributeValue<EntityReference>(OwnerTables.OwnerId);
            return null;
        }

        private Entity User(Guid id)
        {
            Entity row;
            if (_users.TryGetValue(id, out row)) return row;
            var query = new QueryExpression(SystemUserColumns.EntityName) { ColumnSet = new ColumnSet(SystemUserColumns.IsDisabled, SystemUserColumns.FullName), TopCount = 1 };
            query.Criteria.AddCondition(SystemUserColumns.Id, ConditionOperator.Equal, id);
            foreach (var found in _service.RetrieveMultiple(query).Entities) row = found;
            _users[id] = row;
            return row;
        }
    }
}
