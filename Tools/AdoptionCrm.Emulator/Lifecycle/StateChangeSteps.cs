namespace AdoptionCrm.Emulator.Lifecycle;

/// <summary>The messages whose steps a state change fires (combine with |).</summary>
[Flags]
public enum StateChangeSteps
{
    None = 0,
    SetState = 1,
    SetStateDynamicEntity = 2,
    Update = 4,
    All = SetState | SetStateDynamicEntity | Update,
}
