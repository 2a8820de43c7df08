using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Sends a plan's adopter and account writes from the company's synchronous step, inside the company's conditional
    /// Update: the same transaction (learn.microsoft.com/power-apps/developer/data-platform/handle-exceptions:
    /// PreOperation and PostOperation are always within the database transaction), so if any of them is refused the
    /// company's write is rolled back with them and the counts stay exact. Order as on the lock path: company (held by
    /// the Update), then the adopter, then the people who left the window, then the account.
    /// </summary>
    public sealed class SignupPlanWrites
    {
        /// <summary>The code the step fails with when the account's version no longer matches (a customer-defined code).</summary>
        public const int AccountVersionRefused = unchecked((int)0xA0AD0001);

        private readonly IOrganizationService _service;
        private readonly IRequestSender _sender;
        private readonly Action<string> _trace;

        public SignupPlanWrites(IOrganizationService service, IRequestSender sender, Action<string> trace)
        {
            _service = service;
            _sender = sender;
            _trace = trace ?? (_ => { });
        }

        public void Apply(SignupPlan plan, Guid companyId)
        {
            AdopterWriter.Execute(_service, plan.Adopter);
            if (plan.UncountDays.Count > 0)
                _trace(AgedOutAdopters.Uncount(_service, companyId, plan.UncountDays) + " adopter(s) left the window.");
            if (plan.AccountUpdate != null)
            {
                try
                {
                    _service.Execute(new UpdateRequest { Target = plan.AccountUpdate, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
                }
                catch (FaultException<OrganizationServiceFault> fault)
                {
                    // The transaction is lost either way (a failed call inside it rolls it back); this only names the cause
                    // for the asynchronous step, which then sends the account's change through the account's lock.
                    throw new InvalidPluginExecutionException(OperationStatus.Failed, AccountVersionRefused,
                        "The account " + plan.AccountUpdate.Id + " changed since the signup read it (or its versionnumber is not its RowVersion): " + fault.Message);
                }
                _trace("Account " + plan.AccountUpdate.Id + " written against its version.");
            }
            else if (plan.AccountRequest != null && plan.AccountId.HasValue)
                _sender.SendAccount(plan.AccountId.Value, plan.AccountRequest);
        }
    }
}
