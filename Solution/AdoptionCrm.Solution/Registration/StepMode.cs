namespace AdoptionCrm.Solution.Registration;

/// <summary>sdkmessageprocessingstep.mode.</summary>
public enum StepMode
{
    Synchronous = 0,
    Asynchronous = 1,
}
