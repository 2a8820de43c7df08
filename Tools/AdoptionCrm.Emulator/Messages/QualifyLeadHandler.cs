using AdoptionCrm.Emulator.Lifecycle;
using AdoptionCrm.Emulator.Pipeline;
using AdoptionCrm.Emulator.Service;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace AdoptionCrm.Emulator.Messages;

/// <summary>
/// QualifyLead (learn.microsoft.com dynamics365 QualifyLeadRequest): inside QualifyLead's own steps, creates
/// what CreateAccount / CreateContact / CreateOpportunity ask for through Create (so their Create steps fire),
/// then moves the lead to Qualified with Status. Chosen where the docs are silent: a lead that already has
/// parentaccountid (parentcontactid) uses that row instead of creating another; the account is named by
/// companyname (refused when empty); the contact takes the lead's name, email and job title under the
/// account; the opportunity's customer is OpportunityCustomerId, else the account, else the contact; the
/// lead's lookups are set to what it was qualified into; the state change fires
/// LifecycleOptions.InternalStateChangeFires. OpportunityCurrencyId is accepted and not checked (no currency table).
/// </summary>
internal sealed class QualifyLeadHandler : MessageHandler<QualifyLeadRequest>
{
    private const int Qualified = 1;

    public QualifyLeadHandler(EmulatedOrganization org) : base(org, "QualifyLead") { }

    protected override OrganizationResponse Handle(QualifyLeadRequest request, ExecutionScope scope)
    {
        var leadRef = Required(request.LeadId, "a LeadId");
        if (leadRef.LogicalName != "lead") throw Faults.Create(ErrorCodes.InvalidArgument, $"QualifyLead needs a lead, not a {leadRef.LogicalName}.");
        var status = Required(request.Status, "a Status");
        RequireRow(scope, leadRef);
        var op = new PipelineOperation(MessageName, "lead", request.Parameters) { PrimaryId = leadRef.Id };
        op.PreRows[leadRef.Id] = Org.Store.Get(scope.Transaction, "lead", leadRef.Id);
        var created = new EntityReferenceCollection();
        Org.Runner.Run(scope, op, () =>
        {
            var lead = (Entity)Dispatch(new RetrieveRequest { Target = leadRef, ColumnSet = new ColumnSet(true) }, scope).Results["Entity"];
            if (lead.GetAttributeValue<OptionSetValue>("statecode")?.Value != 0)
                throw Faults.Create(ErrorCodes.InvalidArgument, "The lead is not open: only an open lead can be qualified.");
            var account = lead.GetAttributeValue<EntityReference>("parentaccountid");
            if (request.CreateAccount && account is null)
            {
                var name = lead.GetAttributeValue<string>("companyname");
                if (string.IsNullOrWhiteSpace(name)) throw Faults.Create(ErrorCodes.InvalidArgument, "CreateAccount needs the lead's companyname.");
                account = Create(scope, created, new Entity("account") { ["name"] = name, ["websiteurl"] = lead.GetAttributeValue<string>("websiteurl"), ["originatingleadid"] = leadRef });
            }
            var contact = lead.GetAttributeValue<EntityReference>("parentcontactid");
            if (request.CreateContact && contact is null)
                contact = Create(scope, created, new Entity("contact")
                {
                    ["firstname"] = lead.GetAttributeValue<string>("firstname"), ["lastname"] = lead.GetAttributeValue<string>("lastname"),
                    ["emailaddress1"] = lead.GetAttributeValue<string>("emailaddress1"), ["jobtitle"] = lead.GetAttributeValue<string>("jobtitle"),
                    ["parentcustomerid"] = account, ["originatingleadid"] = leadRef,
                });
            EntityReference? opportunity = null;
            if (request.CreateOpportunity)
                opportunity = Create(scope, created, new Entity("opportunity")
                {
                    ["name"] = lead.GetAttributeValue<string>("subject") ?? lead.GetAttributeValue<string>("fullname"),
                    ["customerid"] = request.OpportunityCustomerId ?? account ?? contact, ["parentaccountid"] = account, ["parentcontactid"] = contact,
                    ["originatingleadid"] = leadRef,
                });
            var links = new Entity("lead", leadRef.Id);
            if (account != null && lead.GetAttributeValue<EntityReference>("parentaccountid") is null) links["parentaccountid"] = account;
            if (contact != null && lead.GetAttributeValue<EntityReference>("parentcontactid") is null) links["parentcontactid"] = contact;
            if (opportunity != null) links["qualifyingopportunityid"] = opportunity;
            if (links.Attributes.Count > 0) Dispatch(new UpdateRequest { Target = links }, scope);
            StateChange.Run(Org, scope, leadRef, new OptionSetValue(Qualified), status, Org.Lifecycle.InternalStateChangeFires);
            op.Output["CreatedEntities"] = created;
        });
        return ResponseFactory.Create(MessageName, ("CreatedEntities", created));
    }

    private EntityReference Create(ExecutionScope scope, EntityReferenceCollection created, Entity row)
    {
        foreach (var key in row.Attributes.Where(a => a.Value is null).Select(a => a.Key).ToList()) row.Attributes.Remove(key);
        var reference = new EntityReference(row.LogicalName, (Guid)Dispatch(new CreateRequest { Target = row }, scope).Results["id"]);
        created.Add(reference);
        return reference;
    }
}
