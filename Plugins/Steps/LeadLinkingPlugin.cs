using System.Collections.Generic;
using AdoptionCrm.Plugins.Domain;
using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Linking;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Scoring;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Links a lead to its company's account as it is saved: sets parentaccountid and the match columns
    /// on the Target in PreOperation (no second update). Two reads: the settings with sales ops' rules for
    /// the host, then the domain claims with the account's owner.
    /// What the PostOperation step needs from them goes on in SharedVariables, so it reads nothing again.
    /// Registered on Create only (not CreateMultiple): the platform fires it once per item of a
    /// CreateMultiple, so bulk imports get the same result.
    /// </summary>
    [PluginStep(MessageNames.Create, LeadColumns.EntityName, PipelineStage.PreOperation,
        Description = "Link the new lead to its account by email domain.")]
    [PluginStep(MessageNames.Update, LeadColumns.EntityName, PipelineStage.PreOperation,
        FilteringAttributes = LeadColumns.EmailAddress1, PreImageName = PreImage, PreImageAttributes = LinkColumns,
        Description = "Link the lead again when its email changes.")]
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
            if (context.MessageName == MessageNames.Update && !target.Contains(LeadColumns.EmailAddress1)) return;

            var service = localContext.SystemUserService;
            string email = target.GetAttributeValue<string>(LeadColumns.EmailAddress1);
            ParsedEmail parsed = EmailParser.Parse(email);
            IList<ExclusionRule> rules;
            var settings = SettingsReader.ReadWithRules(service, parsed.IsValid ? parsed.Host : null, out rules);
            var match = new LeadLinker(service, settings, m => localContext.Trace(m)).Match(email, rules);
            localContext.Trace("Match: " + match.Outcome + " " + (match.Domain ?? "-") + " → " + (match.Account == null ? "none" : match.Account.Id.ToString()));

            Entity pre;
            context.PreEntityImages.TryGetValue(PreImage, out pre);
            LeadMatchWriter.Write(target, pre, match);
            context.SharedVariables[SharedVariableNames.Signup(match.NormalizedEmail)] = Note(settings, match).Write();
        }

        private static SignupTag Note(AdoptionSettings settings, LeadMatch match)
        {
            var claim = match.Claim;
            return new SignupTag
            {
                Settings = settings,
                MatchedAccountId = match.Account == null ? (System.Guid?)null : match.Account.Id,
                OwnerId = claim == null || claim.Owner == null ? (System.Guid?)null : claim.Owner.Id,
                OwnerIsDisabled = claim == null ? null : claim.OwnerIsDisabled,
            };
        }
    }
}
