using AdoptionCrm.Plugins.Adoption;

namespace AdoptionCrm.Plugins.Handover
{
    /// <summary>
    /// What a company's adopt_pendingchange holds, read once (HandoverText.ReadPending): a signup's plan, a plan that
    /// cannot be read (its Update must fail, never pass as "nothing to do"), a request for the company's lock, or
    /// nothing the engine can read (all empty).
    /// </summary>
    public sealed class PendingChange
    {
        internal static readonly PendingChange UnreadablePlan = new PendingChange(null, null, true);

        internal PendingChange(SignupPlan plan, CompanyRequest request, bool isUnreadablePlan)
        {
            Plan = plan;
            Request = request;
            IsUnreadablePlan = isUnreadablePlan;
        }

        public SignupPlan Plan { get; private set; }
        public CompanyRequest Request { get; private set; }
        public bool IsUnreadablePlan { get; private set; }
    }
}
