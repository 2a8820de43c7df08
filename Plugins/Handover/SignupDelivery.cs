using System;
using System.ServiceModel;
using AdoptionCrm.Plugins.Adoption;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Plugins.Handover
{
    /// <summary>
    /// Delivers one person's request from the lead's asynchronous step, optimistically first:
    /// 1. one read (SignupSnapshot: the company, the person's adopter, the counted account with its versionnumber);
    /// 2. one company Update with ConcurrencyBehavior.IfRowVersionMatches carrying the company's changed columns and
    ///    the plan, whose synchronous step writes the adopter and the account inside that Update's transaction
    ///    (learn.microsoft.com/power-apps/developer/data-platform/optimistic-concurrency; custom tables have it on).
    /// A refusal rolls the whole Update back. Asynchronous steps run outside any transaction (handle-exceptions: "Async
    /// plug-ins do not participate in the database transaction"; IsInTransaction is false), so the refused call has
    /// undone only itself and the step goes on: after a refused account, once more with the account's change sent
    /// through the account's lock; after a changed company (or a second refusal), the lock path (RequestSender), which
    /// serializes on the company's row and is exact whatever the answers. At most two optimistic attempts, then the lock.
    /// In a transaction, or when the plan does not apply (CompanyRecompute.Plan), the lock path at once.
    /// </summary>
    public sealed class SignupDelivery
    {
        private const int ConcurrencyVersionMismatch = -2147088254;   // optimistic-concurrency, "Handle exceptions"

        private readonly IOrganizationService _service;
        private readonly RequestSender _sender;
        private readonly bool _inTransaction;
        private readonly DateTime _now;
        private readonly Action<string> _trace;

        public SignupDelivery(IOrganizationService service, bool inTransaction, DateTime nowUtc, Action<string> trace)
        {
            _service = service;
            _inTransaction = inTransaction;
            _sender = new RequestSender(service, inTransaction);
            _now = nowUtc;
            _trace = trace ?? (_ => { });
        }

        public void Deliver(CompanyRequest request)
        {
            Guid companyId = RowIds.Company(request.Domain);
            if (!_inTransaction && request.Kind == CompanyRequestKind.Person && request.Settings != null)
            {
                var snapshot = SignupSnapshot.Read(_service, companyId, RowIds.Adopter(request.Email, request.Domain));
                SignupPlan plan = snapshot.Company == null ? null
                    : new CompanyRecompute(_service, _sender, request.Settings, _now, _trace).Plan(new CompanyState(snapshot.Company), snapshot.StoredAdopter, request, snapshot.Account);
                if (plan != null)
                {
                    var outcome = Send(plan);
                    if (outcome == Outcome.Refused && plan.AccountUpdate != null)
                    {
                        _trace("The account's version was refused; its change goes through its lock.");
                        outcome = Send(plan.ThroughAccountLock());
                    }
                    if (outcome == Outcome.Written) return;
                    _trace("The optimistic write was refused (" + outcome + "); taking the company's lock.");
                }
            }
            _sender.SendCompany(companyId, request.Domain, request, createIfMissing: true);
        }

        private enum Outcome { Written, CompanyChanged, Refused }

        private Outcome Send(SignupPlan plan)
        {
            var update = new Entity(CompanyColumns.EntityName, plan.CompanyUpdate.Id) { RowVersion = plan.CompanyUpdate.RowVersion };
            foreach (var column in plan.CompanyUpdate.Attributes) update[column.Key] = column.Value;
            update[CompanyColumns.PendingChange] = HandoverText.Write(plan);
            try
            {
                _service.Execute(new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
                return Outcome.Written;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                _trace("Refused: " + fault.Message);
                return fault.Detail != null && fault.Detail.ErrorCode == ConcurrencyVersionMismatch ? Outcome.CompanyChanged : Outcome.Refused;
            }
        }
    }
}
