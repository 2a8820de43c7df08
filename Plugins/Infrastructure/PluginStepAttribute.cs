using System;

namespace AdoptionCrm.Plugins.Infrastructure
{
    /// <summary>
    /// Declares one step registration next to the plugin class (spkl-style). This is the single
    /// source of truth for registrations: the packer writes SdkMessageProcessingStep elements from
    /// it, the emulator registers its pipeline from it, and PluginBase refuses to run in a context
    /// that no declaration on the class matches.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class PluginStepAttribute : Attribute
    {
        public PluginStepAttribute(string message, string primaryEntity, PipelineStage stage)
        {
            Message = message;
            PrimaryEntity = primaryEntity;
            Stage = stage;
            Mode = StepMode.Synchronous;
            Rank = 1;
        }

        /// <summary>SDK message name, e.g. "Create". Use the constants in <see cref="MessageNames"/>.</summary>
        public string Message { get; private set; }

        /// <summary>Table logical name; null for messages that are not bound to a table.</summary>
        public string PrimaryEntity { get; private set; }

        public PipelineStage Stage { get; private set; }

        public StepMode Mode { get; set; }

        /// <summary>Execution order among steps of the same message, table and stage (ascending).</summary>
        public int Rank { get; set; }

        /// <summary>Comma-separated column logical names; Update steps only; null = every update.</summary>
        public string FilteringAttributes { get; set; }

        /// <summary>Alias of the pre-image ("PreImage" by convention); null = no pre-image.</summary>
        public string PreImageName { get; set; }

        /// <summary>Comma-separated columns held by the pre-image; null = all columns.</summary>
        public string PreImageAttributes { get; set; }

        /// <summary>Alias of the post-image (PostOperation only); null = no post-image.</summary>
        public string PostImageName { get; set; }

        /// <summary>Comma-separated columns held by the post-image; null = all columns.</summary>
        public string PostImageAttributes { get; set; }

        /// <summary>Free text written into the step's Description.</summary>
        public string Description { get; set; }
    }
}
