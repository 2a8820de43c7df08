namespace AdoptionCrm.Solution.Registration;

/// <summary>sdkmessageprocessingstepimage.imagetype.</summary>
public enum StepImageType
{
    PreImage = 0,
    PostImage = 1,
    Both = 2,
}
