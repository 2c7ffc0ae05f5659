// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {IFactRegistry} from "./IFactRegistry.sol";

/// @title CairnCore: the rollup's state on L1 and its L1<->L2 message bus.
/// @notice Accepts a new state only when the trusted fact registry holds the fact
///   keccak256(abi.encode(programHash, keccak256(abi.encodePacked(programOutput)))),
///   where programOutput is the whole Starknet OS output (header, message segments, then the state diff for data
///   availability, all in calldata). Views, events and message hashes follow Starknet's core contract so that
///   Starknet tooling reads this one unchanged.
contract CairnCore {
    // ---------------------------------------------------------------------------------------------------------
    // Constants
    // ---------------------------------------------------------------------------------------------------------

    /// The Stark field prime; every word of an OS output is below it.
    uint256 internal constant P = 0x800000000000011000000000000000000000000000000000000000000000001;
    uint256 internal constant HEADER_SIZE = 10;
    uint256 internal constant MAX_L1_MSG_FEE = 1 ether;

    // Output header offsets (Starknet OS output layout).
    uint256 internal constant PREV_ROOT = 0;
    uint256 internal constant NEW_ROOT = 1;
    uint256 internal constant PREV_BLOCK_NUMBER = 2;
    uint256 internal constant NEW_BLOCK_NUMBER = 3;
    uint256 internal constant PREV_BLOCK_HASH = 4;
    uint256 internal constant NEW_BLOCK_HASH = 5;
    uint256 internal constant OS_PROGRAM_HASH = 6;
    uint256 internal constant CONFIG_HASH = 7;
    uint256 internal constant USE_KZG_DA = 8;
    uint256 internal constant FULL_OUTPUT = 9;

    // ---------------------------------------------------------------------------------------------------------
    // Errors
    // ---------------------------------------------------------------------------------------------------------

    error NotGovernor(address caller);
    error NotOperator(address caller);
    error NotPendingGovernor(address caller);
    error ZeroAddress();
    error OutputTooShort(uint256 length);
    error WordNotInField();
    error KzgDaNotSupported();
    error FullOutputNotAllowed();
    error ConfigHashMismatch(uint256 expected, uint256 actual);
    error ProgramHashMismatch(uint256 expected, uint256 actual);
    error StateRootMismatch(uint256 expected, uint256 actual);
    error BlockHashMismatch(uint256 expected, uint256 actual);
    error BlockNumberMismatch(uint256 expected, uint256 actual);
    error BlockNumberNotIncreasing(uint256 previous, uint256 next);
    error FactNotRegistered(bytes32 fact);
    error MalformedOutput(uint256 offset);
    error MessageToL2NotPending(bytes32 msgHash);
    error InvalidMessageFee(uint256 value);
    error NoMessageToConsume(bytes32 msgHash);
    error NoMessageToCancel(bytes32 msgHash);
    error CancellationNotRequested(bytes32 msgHash);
    error CancellationNotAllowedYet(bytes32 msgHash, uint256 allowedAt);
    error InsufficientFees(uint256 requested, uint256 available);
    error TransferFailed();

    // ---------------------------------------------------------------------------------------------------------
    // Events (Starknet's signatures)
    // ---------------------------------------------------------------------------------------------------------

    event LogStateUpdate(uint256 globalRoot, int256 blockNumber, uint256 blockHash);
    event LogStateTransitionFact(bytes32 stateTransitionFact);
    event LogMessageToL1(uint256 indexed fromAddress, address indexed toAddress, uint256[] payload);
    event LogMessageToL2(
        address indexed fromAddress,
        uint256 indexed toAddress,
        uint256 indexed selector,
        uint256[] payload,
        uint256 nonce,
        uint256 fee
    );
    event ConsumedMessageToL1(uint256 indexed fromAddress, address indexed toAddress, uint256[] payload);
    event ConsumedMessageToL2(
        address indexed fromAddress, uint256 indexed toAddress, uint256 indexed selector, uint256[] payload, uint256 nonce
    );
    event MessageToL2CancellationStarted(
        address indexed fromAddress, uint256 indexed toAddress, uint256 indexed selector, uint256[] payload, uint256 nonce
    );
    event MessageToL2Canceled(
        address indexed fromAddress, uint256 indexed toAddress, uint256 indexed selector, uint256[] payload, uint256 nonce
    );
    event OperatorChanged(address indexed operator, bool allowed);
    event VerifierChanged(address indexed verifier);
    event ProgramHashChanged(address indexed changedBy, uint256 oldProgramHash, uint256 newProgramHash);
    event ConfigHashChanged(address indexed changedBy, uint256 oldConfigHash, uint256 newConfigHash);
    event MessageCancellationDelayChanged(uint256 delay);
    event GovernorProposed(address indexed governor);
    event GovernorChanged(address indexed governor);
    event FeesWithdrawn(address indexed to, uint256 amount);

    // ---------------------------------------------------------------------------------------------------------
    // Storage. Slots are packed so that a state update touches few of them: the block number shares a slot with
    // the verifier address (both read on every update), and the message nonce, the cancellation delay and the
    // accrued fees share one.
    // ---------------------------------------------------------------------------------------------------------

    uint256 public stateRoot;
    uint256 public stateBlockHash;
    IFactRegistry internal verifierRegistry;
    int64 internal blockNumber; // -1 before the first block, as Starknet's stateBlockNumber()
    uint256 public programHash;
    uint256 public configHash;
    address public governor;
    uint64 internal nonce;
    uint32 internal cancellationDelay;
    address public pendingGovernor;
    uint96 public accruedFees;

    mapping(address => bool) public isOperator;
    /// message hash => fee + 1 while pending, 0 once consumed or cancelled.
    mapping(bytes32 => uint256) public l1ToL2Messages;
    /// message hash => number of copies not yet consumed.
    mapping(bytes32 => uint256) public l2ToL1Messages;
    /// message hash => time the cancellation was requested.
    mapping(bytes32 => uint256) public l1ToL2MessageCancellations;

    modifier onlyGovernor() {
        if (msg.sender != governor) revert NotGovernor(msg.sender);
        _;
    }

    /// @param operator the first operator (may submit state updates); the deployer becomes governor.
    constructor(
        IFactRegistry verifier_,
        address operator,
        uint256 programHash_,
        uint256 configHash_,
        uint256 stateRoot_,
        int64 blockNumber_,
        uint256 stateBlockHash_,
        uint32 cancellationDelay_
    ) {
        if (address(verifier_) == address(0) || operator == address(0)) revert ZeroAddress();
        governor = msg.sender;
        verifierRegistry = verifier_;
        programHash = programHash_;
        configHash = configHash_;
        stateRoot = stateRoot_;
        blockNumber = blockNumber_;
        stateBlockHash = stateBlockHash_;
        cancellationDelay = cancellationDelay_;
        isOperator[operator] = true;
        emit GovernorChanged(msg.sender);
        emit OperatorChanged(operator, true);
        emit VerifierChanged(address(verifier_));
        emit ProgramHashChanged(msg.sender, 0, programHash_);
        emit ConfigHashChanged(msg.sender, 0, configHash_);
        emit MessageCancellationDelayChanged(cancellationDelay_);
    }

    // ---------------------------------------------------------------------------------------------------------
    // State update
    // ---------------------------------------------------------------------------------------------------------

    /// @notice Moves the state by one proven OS run. `programOutput` is the whole OS output: the 10-word header,
    ///   the L2->L1 and L1->L2 message segments, then the state diff (data availability), which is only hashed.
    function updateState(uint256[] calldata programOutput) external {
        if (!isOperator[msg.sender]) revert NotOperator(msg.sender);
        uint256 length = programOutput.length;
        // Header plus the two segment sizes.
        if (length < HEADER_SIZE + 2) revert OutputTooShort(length);

        bytes32 outputHash;
        bool inField;
        assembly ("memory-safe") {
            let bytesLength := shl(5, length)
            let start := programOutput.offset
            let end := add(start, bytesLength)
            inField := 1
            for { let p := start } lt(p, end) { p := add(p, 32) } { inField := and(inField, lt(calldataload(p), P)) }
            let buffer := mload(0x40)
            calldatacopy(buffer, start, bytesLength)
            outputHash := keccak256(buffer, bytesLength)
        }
        if (!inField) revert WordNotInField();

        if (programOutput[USE_KZG_DA] != 0) revert KzgDaNotSupported();
        if (programOutput[FULL_OUTPUT] != 0) revert FullOutputNotAllowed();
        uint256 expectedConfig = configHash;
        if (programOutput[CONFIG_HASH] != expectedConfig) {
            revert ConfigHashMismatch(expectedConfig, programOutput[CONFIG_HASH]);
        }
        uint256 osProgramHash = programHash;
        uint256 outputProgramHash = programOutput[OS_PROGRAM_HASH];
        if (outputProgramHash != 0 && outputProgramHash != osProgramHash) {
            revert ProgramHashMismatch(osProgramHash, outputProgramHash);
        }
        _checkContinuity(programOutput);

        bytes32 fact = keccak256(abi.encode(osProgramHash, outputHash));
        if (!verifierRegistry.isValid(fact)) revert FactNotRegistered(fact);

        uint256 newRoot = programOutput[NEW_ROOT];
        uint256 newBlockHash = programOutput[NEW_BLOCK_HASH];
        int64 newBlockNumber = int64(uint64(programOutput[NEW_BLOCK_NUMBER]));
        stateRoot = newRoot;
        stateBlockHash = newBlockHash;
        blockNumber = newBlockNumber;

        _processMessages(programOutput, length);

        emit LogStateTransitionFact(fact);
        emit LogStateUpdate(newRoot, newBlockNumber, newBlockHash);
    }

    function _checkContinuity(uint256[] calldata programOutput) internal view {
        uint256 expectedRoot = stateRoot;
        if (programOutput[PREV_ROOT] != expectedRoot) revert StateRootMismatch(expectedRoot, programOutput[PREV_ROOT]);
        uint256 expectedHash = stateBlockHash;
        if (programOutput[PREV_BLOCK_HASH] != expectedHash) {
            revert BlockHashMismatch(expectedHash, programOutput[PREV_BLOCK_HASH]);
        }
        int64 current = blockNumber;
        // Before the first block the OS reports the previous block number as -1, i.e. P - 1.
        uint256 expectedPrevious = current < 0 ? P - 1 : uint256(uint64(current));
        uint256 previous = programOutput[PREV_BLOCK_NUMBER];
        if (previous != expectedPrevious) revert BlockNumberMismatch(expectedPrevious, previous);
        uint256 next = programOutput[NEW_BLOCK_NUMBER];
        if (next > uint256(uint64(type(int64).max)) || (current >= 0 && next <= previous)) {
            revert BlockNumberNotIncreasing(previous, next);
        }
    }

    /// Records the L2->L1 messages and consumes the L1->L2 ones; what follows the two segments is the state diff.
    function _processMessages(uint256[] calldata programOutput, uint256 length) internal {
        uint256 offset = HEADER_SIZE;
        uint256 segmentEnd = offset + 1 + programOutput[offset];
        if (segmentEnd > length - 1) revert MalformedOutput(offset);
        offset++;
        while (offset < segmentEnd) {
            if (offset + 3 > segmentEnd) revert MalformedOutput(offset);
            uint256 messageEnd = offset + 3 + programOutput[offset + 2];
            if (messageEnd > segmentEnd) revert MalformedOutput(offset);
            bytes32 msgHash = _hashWords(programOutput, offset, messageEnd);
            unchecked {
                l2ToL1Messages[msgHash] += 1;
            }
            emit LogMessageToL1(
                programOutput[offset], address(uint160(programOutput[offset + 1])), programOutput[offset + 3:messageEnd]
            );
            offset = messageEnd;
        }

        segmentEnd = offset + 1 + programOutput[offset];
        if (segmentEnd > length) revert MalformedOutput(offset);
        offset++;
        uint256 fees;
        while (offset < segmentEnd) {
            if (offset + 5 > segmentEnd) revert MalformedOutput(offset);
            uint256 messageEnd = offset + 5 + programOutput[offset + 4];
            if (messageEnd > segmentEnd) revert MalformedOutput(offset);
            bytes32 msgHash = _hashWords(programOutput, offset, messageEnd);
            uint256 feePlusOne = l1ToL2Messages[msgHash];
            if (feePlusOne == 0) revert MessageToL2NotPending(msgHash);
            l1ToL2Messages[msgHash] = 0;
            unchecked {
                fees += feePlusOne - 1;
            }
            emit ConsumedMessageToL2(
                address(uint160(programOutput[offset])),
                programOutput[offset + 1],
                programOutput[offset + 3],
                programOutput[offset + 5:messageEnd],
                programOutput[offset + 2]
            );
            offset = messageEnd;
        }
        if (fees != 0) accruedFees += uint96(fees);
    }

    /// keccak256 of words[start:end] laid out as consecutive 32-byte words (abi.encodePacked).
    function _hashWords(uint256[] calldata words, uint256 start, uint256 end) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            let buffer := mload(0x40)
            let size := shl(5, sub(end, start))
            calldatacopy(buffer, add(words.offset, shl(5, start)), size)
            h := keccak256(buffer, size)
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Messaging
    // ---------------------------------------------------------------------------------------------------------

    /// @notice Sends a message to an L2 contract; the fee (0 < fee <= 1 ether) pays for its L1 handler.
    function sendMessageToL2(uint256 toAddress, uint256 selector, uint256[] calldata payload)
        external
        payable
        returns (bytes32 msgHash, uint256 messageNonce)
    {
        if (msg.value == 0 || msg.value > MAX_L1_MSG_FEE) revert InvalidMessageFee(msg.value);
        messageNonce = nonce;
        unchecked {
            nonce = uint64(messageNonce + 1);
        }
        msgHash = _l1ToL2Hash(msg.sender, toAddress, messageNonce, selector, payload);
        unchecked {
            l1ToL2Messages[msgHash] = msg.value + 1;
        }
        emit LogMessageToL2(msg.sender, toAddress, selector, payload, messageNonce, msg.value);
    }

    /// @notice Consumes one copy of a message an L2 contract sent to the caller.
    function consumeMessageFromL2(uint256 fromAddress, uint256[] calldata payload) external returns (bytes32 msgHash) {
        msgHash = _l2ToL1Hash(fromAddress, msg.sender, payload);
        uint256 count = l2ToL1Messages[msgHash];
        if (count == 0) revert NoMessageToConsume(msgHash);
        unchecked {
            l2ToL1Messages[msgHash] = count - 1;
        }
        emit ConsumedMessageToL1(fromAddress, msg.sender, payload);
    }

    /// @notice Starts the cancellation of a message the caller sent and L2 has not consumed.
    function startL1ToL2MessageCancellation(
        uint256 toAddress,
        uint256 selector,
        uint256[] calldata payload,
        uint256 messageNonce
    ) external returns (bytes32 msgHash) {
        msgHash = _l1ToL2Hash(msg.sender, toAddress, messageNonce, selector, payload);
        if (l1ToL2Messages[msgHash] == 0) revert NoMessageToCancel(msgHash);
        l1ToL2MessageCancellations[msgHash] = block.timestamp;
        emit MessageToL2CancellationStarted(msg.sender, toAddress, selector, payload, messageNonce);
    }

    /// @notice Cancels a message once messageCancellationDelay() has passed since the request, and refunds its fee.
    function cancelL1ToL2Message(uint256 toAddress, uint256 selector, uint256[] calldata payload, uint256 messageNonce)
        external
        returns (bytes32 msgHash)
    {
        msgHash = _l1ToL2Hash(msg.sender, toAddress, messageNonce, selector, payload);
        uint256 feePlusOne = l1ToL2Messages[msgHash];
        if (feePlusOne == 0) revert NoMessageToCancel(msgHash);
        uint256 requestedAt = l1ToL2MessageCancellations[msgHash];
        if (requestedAt == 0) revert CancellationNotRequested(msgHash);
        uint256 allowedAt = requestedAt + cancellationDelay;
        if (block.timestamp < allowedAt) revert CancellationNotAllowedYet(msgHash, allowedAt);
        l1ToL2Messages[msgHash] = 0;
        l1ToL2MessageCancellations[msgHash] = 0;
        emit MessageToL2Canceled(msg.sender, toAddress, selector, payload, messageNonce);
        (bool ok,) = msg.sender.call{value: feePlusOne - 1}("");
        if (!ok) revert TransferFailed();
    }

    /// keccak256(abi.encodePacked(uint256(from), to, nonce, selector, payload.length, payload)).
    function _l1ToL2Hash(
        address fromAddress,
        uint256 toAddress,
        uint256 messageNonce,
        uint256 selector,
        uint256[] calldata payload
    ) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            let buffer := mload(0x40)
            mstore(buffer, fromAddress)
            mstore(add(buffer, 0x20), toAddress)
            mstore(add(buffer, 0x40), messageNonce)
            mstore(add(buffer, 0x60), selector)
            mstore(add(buffer, 0x80), payload.length)
            let payloadBytes := shl(5, payload.length)
            calldatacopy(add(buffer, 0xa0), payload.offset, payloadBytes)
            h := keccak256(buffer, add(0xa0, payloadBytes))
        }
    }

    /// keccak256(abi.encodePacked(from, uint256(to), payload.length, payload)).
    function _l2ToL1Hash(uint256 fromAddress, address toAddress, uint256[] calldata payload)
        internal
        pure
        returns (bytes32 h)
    {
        assembly ("memory-safe") {
            let buffer := mload(0x40)
            mstore(buffer, fromAddress)
            mstore(add(buffer, 0x20), toAddress)
            mstore(add(buffer, 0x40), payload.length)
            let payloadBytes := shl(5, payload.length)
            calldatacopy(add(buffer, 0x60), payload.offset, payloadBytes)
            h := keccak256(buffer, add(0x60, payloadBytes))
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Views (Starknet-compatible names)
    // ---------------------------------------------------------------------------------------------------------

    function stateBlockNumber() external view returns (int256) {
        return blockNumber;
    }

    function verifier() external view returns (address) {
        return address(verifierRegistry);
    }

    function l1ToL2MessageNonce() external view returns (uint256) {
        return nonce;
    }

    function messageCancellationDelay() external view returns (uint256) {
        return cancellationDelay;
    }

    function getMaxL1MsgFee() external pure returns (uint256) {
        return MAX_L1_MSG_FEE;
    }

    /// @return the fact a verifier must register for `programOutput` to be accepted.
    function stateTransitionFact(uint256[] calldata programOutput) external view returns (bytes32) {
        return keccak256(abi.encode(programHash, keccak256(abi.encodePacked(programOutput))));
    }

    function l1ToL2MsgHash(
        address fromAddress,
        uint256 toAddress,
        uint256 selector,
        uint256[] calldata payload,
        uint256 messageNonce
    ) external pure returns (bytes32) {
        return _l1ToL2Hash(fromAddress, toAddress, messageNonce, selector, payload);
    }

    function l2ToL1MsgHash(uint256 fromAddress, address toAddress, uint256[] calldata payload)
        external
        pure
        returns (bytes32)
    {
        return _l2ToL1Hash(fromAddress, toAddress, payload);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Governance
    // ---------------------------------------------------------------------------------------------------------

    function setOperator(address operator, bool allowed) external onlyGovernor {
        isOperator[operator] = allowed;
        emit OperatorChanged(operator, allowed);
    }

    function setVerifier(IFactRegistry verifier_) external onlyGovernor {
        if (address(verifier_) == address(0)) revert ZeroAddress();
        verifierRegistry = verifier_;
        emit VerifierChanged(address(verifier_));
    }

    function setProgramHash(uint256 programHash_) external onlyGovernor {
        emit ProgramHashChanged(msg.sender, programHash, programHash_);
        programHash = programHash_;
    }

    function setConfigHash(uint256 configHash_) external onlyGovernor {
        emit ConfigHashChanged(msg.sender, configHash, configHash_);
        configHash = configHash_;
    }

    function setMessageCancellationDelay(uint32 delay) external onlyGovernor {
        cancellationDelay = delay;
        emit MessageCancellationDelayChanged(delay);
    }

    /// Two-step hand-over, so a mistyped address cannot lose the contract.
    function proposeGovernor(address next) external onlyGovernor {
        pendingGovernor = next;
        emit GovernorProposed(next);
    }

    function acceptGovernance() external {
        if (msg.sender != pendingGovernor) revert NotPendingGovernor(msg.sender);
        governor = msg.sender;
        pendingGovernor = address(0);
        emit GovernorChanged(msg.sender);
    }

    /// Sends fees of consumed L1->L2 messages to `to`.
    function withdrawFees(address payable to, uint256 amount) external onlyGovernor {
        uint256 available = accruedFees;
        if (amount > available) revert InsufficientFees(amount, available);
        accruedFees = uint96(available - amount);
        emit FeesWithdrawn(to, amount);
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert TransferFailed();
    }
}
