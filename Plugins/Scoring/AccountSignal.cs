using System;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace AdoptionCrm.Plugins.Scoring
{
    /// <summary>
    /// The lead side's one call per change: Update the account's adopt_scoredon (and adopt_lastsignupon for an
    /// arrival). The Update takes the account's row lock, so concurrent signups of one account queue here until
    /// this transaction commits; the account's scoring step (filtered on adopt_scoredon) runs inside it and
    /// reads the change from the request's "tag", which the platform puts in that step's SharedVariables.
    /// </summary>
    public static class AccountSignal
    {
        /// <summary>The optional request parameter whose string reaches the request's steps as SharedVariables["tag"].</summary>
        public const string TagParameter = "tag";

        public static void Send(IOrganizationService service, SignupTag tag, DateTime nowUtc)
        {
            var account = new Entity(AccountColumns.EntityName, tag.Change.AccountId);
            account[AccountColumns.ScoredOn] = nowUtc;
            if (tag.Change.Adding) account[AccountColumns.LastSignupOn] = nowUtc;
            var request = new UpdateRequest { Target = account };
            request[TagParameter] = tag.Write();
            service.Execute(request);
        }
    }
}
