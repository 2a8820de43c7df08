using AdoptionCrm.Emulator;
using AdoptionCrm.Plugins.Model;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Engine.Tests;

/// <summary>An emulated organization with our solution's tables and shipped plugins, and helpers that read like the rules.</summary>
internal sealed class EngineOrg
{
    public EngineOrg(DateTime? start = null, bool flowsOn = false, Action<EmulatorOptions>? options = null)
    {
        var configured = new EmulatorOptions { StartTimeUtc = start ?? new DateTime(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc), PluginAssemblies = { typeof(AdoptionCrm.Plugins.Infrastructure.PluginBase).Assembly }, TurnOnFlows = flowsOn };
        options?.Invoke(configured);
        Org = EmulatedOrganization.Create(configured);
        Rep = Org.CreateUser("Rita", "Rep");
    }

    public EmulatedOrganization Org { get; }
    public Guid Rep { get; }
    /// <summary>SYSTEM's service; every write is followed by the system jobs it queued (the engine's asynchronous steps).</summary>
    public IOrganizationService Service => new DrainingService(Org, Org.SystemService);

    public Guid Account(string name, Guid? owner = null, string? website = null, params string[] domains)
    {
        var account = new Entity(AccountColumns.EntityName) { [AccountColumns.Name] = name, [AccountColumns.OwnerId] = new EntityReference("systemuser", owner ?? Rep) };
        if (website != null) account[AccountColumns.WebsiteUrl] = website;
        var id = Service.Create(account);
        foreach (var domain in domains) Domain(id, domain);
        return id;
    }

    public Guid Domain(Guid accountId, string domain, DomainSource source = DomainSource.Manual, bool primary = false) =>
        Service.Create(new Entity(AccountDomainColumns.EntityName)
        {
            [AccountDomainColumns.Name] = domain,
            [AccountDomainColumns.AccountId] = new EntityReference(AccountColumns.EntityName, accountId),
            [AccountDomainColumns.Source] = new OptionSetValue((int)source),
            [AccountDomainColumns.IsPrimary] = primary,
        });

    public Guid Lead(string? email, int? usage = null, int? invitations = null, IOrganizationService? service = null, bool drain = true)
    {
        var lead = new Entity(LeadColumns.EntityName) { [LeadColumns.LastName] = "Signup" };
        if (email != null) lead[LeadColumns.EmailAddress1] = email;
        if (usage != null) lead[LeadColumns.Usage] = usage;
        if (invitations != null) lead[LeadColumns.Invitations] = invitations;
        var id = (service ?? Org.SystemService).Create(lead);
        if (drain) Drain();
        return id;
    }

    /// <summary>Runs the system jobs the requests so far queued (the engine's asynchronous steps), as the async service would.</summary>
    public int Drain() => Org.DrainAsyncQueue();

    public Guid Settings(Action<Entity>? configure = null)
    {
        var row = new Entity(AdoptionSettingsColumns.EntityName) { [AdoptionSettingsColumns.Name] = "Default", [AdoptionSettingsColumns.IsActive] = true };
        configure?.Invoke(row);
        return Service.Create(row);
    }

    public Entity LeadRow(Guid id) => Service.Retrieve(LeadColumns.EntityName, id, new ColumnSet(true));
    public Entity AccountRow(Guid id) => Service.Retrieve(AccountColumns.EntityName, id, new ColumnSet(true));

    public AdoptionStage Stage(Guid accountId) =>
        (AdoptionStage)(AccountRow(accountId).GetAttributeValue<OptionSetValue>(AccountColumns.AdoptionStage)?.Value ?? (int)AdoptionStage.None);

    public int Adopters(Guid accountId) => AccountRow(accountId).GetAttributeValue<int?>(AccountColumns.AdopterCount) ?? 0;

    /// <summary>Adopter rows marked counted, across the organization.</summary>
    public int CountedAdopters()
    {
        var query = new QueryExpression(AdopterColumns.EntityName) { ColumnSet = new ColumnSet(false) };
        query.Criteria.AddCondition(AdopterColumns.Counted, ConditionOperator.Equal, true);
        return Service.RetrieveMultiple(query).Entities.Count;
    }

    public List<Entity> Tasks(Guid? accountId = null)
    {
        var query = new QueryExpression(TaskColumns.EntityName) { ColumnSet = new ColumnSet(true) };
        if (accountId != null) query.Criteria.AddCondition(TaskColumns.RegardingObjectId, ConditionOperator.Equal, accountId.Value);
        return Service.RetrieveMultiple(query).Entities.ToList();
    }

    public List<Entity> Accounts()
    {
        var query = new QueryExpression(AccountColumns.EntityName) { ColumnSet = new ColumnSet(true) };
        return Service.RetrieveMultiple(query).Entities.ToList();
    }

    public static MatchOutcome Outcome(Entity lead) => (MatchOutcome)lead.GetAttributeValue<OptionSetValue>(LeadColumns.MatchOutcome).Value;
    public static Guid? Parent(Entity lead) => lead.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId)?.Id;
}
