using AdoptionCrm.Solution.Source;
using static AdoptionCrm.Solution.Source.CascadeType;

namespace AdoptionCrm.Emulator.Lifecycle;

/// <summary>
/// Cascade configuration of the standard relationships among the built-in tables, as the table references
/// give them (learn.microsoft.com dynamics365 lead reference BKMK_lead_parent_account: Delete RemoveLink,
/// Merge Cascade; account/contact references: contact_customer_accounts and the *_Tasks activity
/// relationships are parental). Where a reference does not list Merge, NoCascade is chosen.
/// </summary>
public static class StandardRelationships
{
    public static IReadOnlyList<RelationshipCascade> All { get; } = new[]
    {
        new RelationshipCascade("lead_parent_account", "lead", "parentaccountid", "account", RemoveLink, NoCascade, NoCascade, Cascade),
        new RelationshipCascade("lead_parent_contact", "lead", "parentcontactid", "contact", RemoveLink, NoCascade, NoCascade, Cascade),
        new RelationshipCascade("contact_customer_accounts", "contact", "parentcustomerid", "account", Cascade, Cascade, Cascade, Cascade),
        new RelationshipCascade("account_parent_account", "account", "parentaccountid", "account", RemoveLink, NoCascade, NoCascade, NoCascade),
        new RelationshipCascade("account_primary_contact", "account", "primarycontactid", "contact", RemoveLink, NoCascade, NoCascade, NoCascade),
        new RelationshipCascade("Account_Tasks", "task", "regardingobjectid", "account", Cascade, Cascade, Cascade, Cascade),
        new RelationshipCascade("Contact_Tasks", "task", "regardingobjectid", "contact", Cascade, Cascade, Cascade, Cascade),
        new RelationshipCascade("Lead_Tasks", "task", "regardingobjectid", "lead", Cascade, Cascade, Cascade, Cascade),
    };
}
