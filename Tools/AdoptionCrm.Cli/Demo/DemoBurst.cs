namespace AdoptionCrm.Cli.Demo;

/// <summary>
/// When a demo company's people arrive: in a burst anywhere in the six months (so by the end it may have
/// cooled), or in a burst that ends in the demo's last days (so it is at its stage now, inside the window).
/// </summary>
public enum DemoBurst { Anytime, Recent }
