namespace AdoptionCrm.Plugins.Settings
{
    /// <summary>
    /// The settings when no active settings row exists (every setting at its default from
    /// <see cref="SettingsDefinition"/>): used by the engine, the demo and `simulate`.
    /// </summary>
    public static class AdoptionDefaults
    {
        public static AdoptionSettings Settings { get; } = new AdoptionSettings();
    }
}
