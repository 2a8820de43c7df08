namespace AdoptionCrm.Solution.Registration;

/// <summary>sdkmessageprocessingstep.stage for custom steps (sdkmessageprocessingstep table reference: 10, 20, 40).</summary>
public enum StepStage
{
    PreValidation = 10,
    PreOperation = 20,
    PostOperation = 40,
}
