using System;
using System.ServiceModel;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Plugins.Handover
{
    /// <summary>
    /// Sends the engine's requests as Updates of adopt_pendingchange (HandoverText). A company that does not exist
    /// yet is created with the request, its id a function of its domain (RowIds). Outside a transaction (an
    /// asynchronous step: IPluginExecutionContext.IsInTransaction is false) a failed request does not doom the
    /// next one, so the Update is tried first and a missing row created; inside one (the rebuild), a failed
    /// call would roll everything back, so the row's existence is read first.
    /// Two first signups of one company at once: both Creates race, the platform's duplicate-key error stops
    /// one, which then sends its Update to the row the other made.
    /// </summary>
    public sealed class RequestSender : IRequestSender
    {
        private readonly IOrganizationService _service;
        private readonly bool _inTransaction;

        public RequestSender(IOrganizationService service, bool inTransaction)
        {
            _service = service;
            _inTransaction = inTransaction;
        }

        public void SendCompany(Guid companyId, string domain, CompanyRequest request, bool createIfMissing)
        {
            string text = HandoverText.Write(request);
            var update = new Entity(CompanyColumns.EntityName, companyId) { [CompanyColumns.PendingChange] = text };
            if (!createIfMissing) { _service.Update(update); return; }
            if (_inTransaction)
            {
                if (Exists(companyId)) _service.Update(update);
                else _service.Create(NewCompany(companyId, domain, request, text));
                return;
            }
            try
            {
                _service.Update(update);
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                try
                {
                    _service.Create(NewCompany(companyId, domain, request, text));
                }
                catch (FaultException<OrganizationServiceFault>)
                {
                    // Another signup created it in the meantime.
                    _service.Update(update);
                }
            }
        }

        public void SendAccount(Guid accountId, AccountRequest request)
        {
            _service.Update(new Entity(AccountColumns.EntityName, accountId)
            {
                [AccountColumns.PendingChange] = HandoverText.Write(request),
                [AccountColumns.ScoredOn] = request.RequestedOnUtc,
            });
        }

        private static Entity NewCompany(Guid companyId, string domain, CompanyRequest request, string text)
        {
            var row = new Entity(CompanyColumns.EntityName, companyId)
            {
                [CompanyColumns.Id] = companyId,
                [CompanyColumns.Name] = domain,
                [CompanyColumns.PendingChange] = text,
            };
            if (request.LinkedAccountId.HasValue) row[CompanyColumns.AccountId] = new EntityReference(AccountColumns.EntityName, request.LinkedAccountId.Value);
            return row;
        }

        private bool Exists(Guid companyId)
        {
            var query = new QueryExpression(CompanyColumns.EntityName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
            query.Criteria.AddCondition(CompanyColumns.Id, ConditionOperator.Equal, companyId);
            return _service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
