namespace AdoptionCrm.Solution.Platform;

/// <summary>
/// The platform's default model-driven app icon: the web resource id real exported apps carry in
/// AppModule/WebResourceId, and the solution that installs it, as their MissingDependencies name it
/// (devkeydet/explicitpluginimpersonation src/Other/Solution.xml; PassengerProtectProgram Solution.xml).
/// </summary>
public static class AppModuleIcons
{
    public static readonly Guid DefaultIconId = new("953b9fac-1e5e-e611-80d6-00155ded156f");
    public const string DefaultIconName = "msdyn_/Images/AppModule_Default_Icon.png";
    public const string Solution = "AppModuleWebResources";
}
