// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IFactRegistry} from "./IFactRegistry.sol";

/// @notice DEVELOPMENT STAND-IN for the STARK verifier: registrars register facts without any proof.
/// Never point a CairnCore that guards real value at this contract; it proves nothing.
contract DevFactRegistry is IFactRegistry {
    error NotRegistrar(address caller);

    event FactRegistered(bytes32 indexed fact);
    event RegistrarChanged(address indexed registrar, bool allowed);

    address public immutable owner;
    mapping(address => bool) public isRegistrar;
    mapping(bytes32 => bool) internal facts;

    constructor() {
        owner = msg.sender;
        isRegistrar[msg.sender] = true;
        emit RegistrarChanged(msg.sender, true);
    }

    function setRegistrar(address registrar, bool allowed) external {
        if (msg.sender != owner) revert NotRegistrar(msg.sender);
        isRegistrar[registrar] = allowed;
        emit RegistrarChanged(registrar, allowed);
    }

    function registerFact(bytes32 fact) external {
        if (!isRegistrar[msg.sender]) revert NotRegistrar(msg.sender);
        facts[fact] = true;
        emit FactRegistered(fact);
    }

    function isValid(bytes32 fact) external view returns (bool) {
        return facts[fact];
    }
}
