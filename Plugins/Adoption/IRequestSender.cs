using System;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Sends a request to a company's or an account's engine step: an Update of the row's adopt_pendingchange,
    /// which takes the row's lock and runs the step inside it. Implemented by the hand-over (one codec).
    /// </summary>
    public interface IRequestSender
    {
        /// <summary>Updates the company (creating it when <paramref name="createIfMissing"/> and it does not exist).</summary>
        void SendCompany(Guid companyId, string domain, CompanyRequest request, bool createIfMissing);

        void SendAccount(Guid accountId, AccountRequest request);
    }
}
