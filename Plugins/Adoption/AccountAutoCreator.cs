using System;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Adoption
{
    /// <summary>
    /// Creates the account for a company that reached autoCreateMinPeople with auto-creation on. Runs under the
    /// company's row lock, so two signups of one company create one account. The account is named from the
    /// domain as a person would (AccountNaming) and owned by the settings' fallback user: records a plug-in
    /// creates without an owner belong to SYSTEM (CreateOrganizationService(null),
    /// learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.iorganizationservicefactory.createorganizationservice),
    /// whom no rep can sign in as, so without a fallback user no account is made and the company stays on the
    /// prospecting list (traced). Its website is the domain, so the website step adds the domain row (Auto-created).
    /// </summary>
    public sealed class AccountAutoCreator
    {
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public AccountAutoCreator(IOrganizationService service, Action<string> trace)
        {
            _service = service;
            _trace = trace;
        }

        public Guid? Create(string domain, AdoptionSettings settings)
        {
            if (settings.FallbackUser == null)
            {
                _trace("Auto-creation is on but no fallback user is set: no account is created for " + domain + " (it would belong to SYSTEM).");
                return null;
            }
            var account = new Entity(AccountColumns.EntityName);
            account[AccountColumns.Name] = AccountNaming.FromDomain(domain);
            account[AccountColumns.WebsiteUrl] = domain;
            account[AccountColumns.AutoCreated] = true;
            account[AccountColumns.OwnerId] = settings.FallbackUser;
            Guid id = _service.Create(account);
            _trace("Auto-created account " + account[AccountColumns.Name] + " (" + id + ") for " + domain + ", owned by the fallback user.");
            return id;
        }
    }
}
