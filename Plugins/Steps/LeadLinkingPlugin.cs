using AdoptionCrm.Plugins.EmailDomains;
using AdoptionCrm.Plugins.Handover;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;
using System.Collections.Generic;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// The only engine work inside the signup's transaction: links the lead as it is saved, on the Target in
    /// PreOperation (no second update; the platform saves PreOperation edits of the Target,
    /// learn.microsoft.com/power-apps/developer/data-platform/event-framework#event-execution-pipeline).
    /// Two indexed reads: the settings with sales ops' rules for the host, then the domain claims.
    /// A parentaccountid the caller sets, or a rep later changes by hand, is the lead's account for good:
    /// the match method becomes Manual and no relink, free-mail or empty email overwrites it.
    /// Registered on Create only (not CreateMultiple): the platform fires it once per item of a CreateMultiple.
    /// </summary>
    [PluginStep(MessageNames.Create, LeadColumns.EntityName, PipelineStage.PreOperation,
        Description = "Link the new lead to its company and account by email domain.")]
    [PluginStep(MessageNames.Update, LeadColumns.EntityName, PipelineStage.PreOperation,
        FilteringAttributes = LeadColumns.EmailAddress1 + "," + LeadColumns.ParentAccountId, PreImageName = PreImage, PreImageAttributes = LinkColumns,
        Description = "Link the lead again when its email changes; mark a hand-set account as Manual.")]
    public sealed class LeadLinkingPlugin : PluginBase
    {
        private const string PreImage = "PreImage";
        private const string LinkColumns = LeadColumns.ParentAccountId + "," + LeadColumns.NormalizedEmail + "," + LeadColumns.EmailDomain + ","
            + LeadColumns.MatchOutcome + "," + LeadColumns.MatchMethod + "," + LeadColumns.MatchExplanation;

        public LeadLinkingPlugin() : base(typeof(LeadLinkingPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = context.InputParameters["Target"] as Entity;
            if (target == null) return;
            var pre = context.OptionalPreImage(PreImage);
            bool update = context.MessageName == MessageNames.Update;
            // The engine's own moves set the match method with the account; a bare parentaccountid is a person's.
            // Clearing it is never an override: the platform clears it itself when the account is deleted
            // (lead_parent_account removes the link, R6), and a lead without an account follows its company.
            bool bare = target.Contains(LeadColumns.ParentAccountId) && !target.Contains(LeadColumns.MatchMethod) && (!update || !SameAccount(target, pre));
            bool handSet = bare && target.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId) != null;
            bool cleared = bare && !handSet && update;
            bool wasManual = pre != null && pre.GetAttributeValue<OptionSetValue>(LeadColumns.MatchMethod)?.Value == (int)MatchMethod.Manual;
            if (update && !target.Contains(LeadColumns.EmailAddress1))
            {
                if (handSet) LeadMatchWriter.WriteManual(target, pre);
                else if (cleared) LeadMatchWriter.WriteCleared(target, pre);
                return;
            }

            var service = localContext.SystemUserService;
            string email = target.GetAttributeValue<string>(LeadColumns.EmailAddress1);
            ParsedEmail parsed = EmailParser.Parse(email);
            IList<ExclusionRule> rules;
            var settings = SettingsReader.ReadWithRules(service, parsed.IsValid ? parsed.Host : null, out rules);
            var match = new LeadLinker(service, settings, m => localContext.Trace(m)).Match(email, rules);
            localContext.Trace("Match: " + match.Outcome + " " + (match.Domain ?? "-") + " → " + (match.Account == null ? "none" : match.Account.Id.ToString()));
            LeadMatchWriter.Write(target, pre, match, keepAccount: handSet || (wasManual && !target.Contains(LeadColumns.ParentAccountId) && !cleared));
            context.SharedVariables[SharedVariableNames.Settings] = SettingsText.Write(settings);
        }

        private static bool SameAccount(Entity target, Entity pre)
        {
            var now = target.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId);
            var before = pre == null ? null : pre.GetAttributeValue<EntityReference>(LeadColumns.ParentAccountId);
            return (now == null && before == null) || (now != null && before != null && now.Id == before.Id);
        }
    }
}
