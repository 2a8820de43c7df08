using AdoptionCrm.Plugins.Infrastructure;
using AdoptionCrm.Plugins.Model;
using AdoptionCrm.Plugins.Settings;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Plugins.Steps
{
    /// <summary>
    /// Refuses an invalid settings row on save, naming each field at fault (SettingsValidator decides the values;
    /// SettingsRowChecks a second active row and a disabled fallback user).
    /// The Update step has no filtering attributes and its pre-image every column: a settings row
    /// changes a few times a year, and this way a setting added to SettingsDefinition is validated
    /// without a second list of columns here.
    /// </summary>
    [PluginStep(MessageNames.Create, AdoptionSettingsColumns.EntityName, PipelineStage.PreOperation,
        Description = "Refuse an invalid adoption settings row.")]
    [PluginStep(MessageNames.Update, AdoptionSettingsColumns.EntityName, PipelineStage.PreOperation,
        PreImageName = PreImage,
        Description = "Refuse an invalid change to the adoption settings row.")]
    public sealed class SettingsValidationPlugin : PluginBase
    {
        private const string PreImage = "PreImage";

        public SettingsValidationPlugin() : base(typeof(SettingsValidationPlugin)) { }

        protected override void ExecuteDataversePlugin(ILocalPluginContext localContext)
        {
            var context = localContext.PluginExecutionContext;
            var target = context.InputParameters["Target"] as Entity;
            if (target == null) return;
            // The row as it will be saved: what it was, with this request's changes over it.
            var merged = ExecutionContextReads.RowAsSaved(context.OptionalPreImage(PreImage), target);
            var settings = AdoptionSettings.FromRow(merged);
            var errors = new System.Collections.Generic.List<string>(SettingsValidator.Validate(settings));
            errors.AddRange(SettingsRowChecks.Check(localContext.SystemUserService, target.Id, settings, merged.GetAttributeValue<bool?>(AdoptionSettingsColumns.IsActive) == true));
            if (errors.Count == 0) return;
            localContext.Trace("Refused settings: " + string.Join(" ", errors));
            throw new InvalidPluginExecutionException("The adoption settings are not valid: " + string.Join(" ", errors));
        }
    }
}
