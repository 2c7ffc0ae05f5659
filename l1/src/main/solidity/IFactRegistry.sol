// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

/// @notice A registry of facts that some verifier has proven. CairnCore trusts exactly one, set by governance.
interface IFactRegistry {
    /// @return whether `fact` has been registered as proven.
    function isValid(bytes32 fact) external view returns (bool);
}
