using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace AdoptionCrm.Emulator.Tests.Query;

public static class FaultAssert
{
    /// <summary>Runs the action and returns the Dataverse fault it must raise, checking its code.</summary>
    public static OrganizationServiceFault Throws(int errorCode, Action action)
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(action);
        Assert.Equal(errorCode, fault.Detail.ErrorCode);
        return fault.Detail;
    }
}
