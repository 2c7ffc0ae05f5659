// Test stand-in (written for Cairn's tests): deprecated system calls, request then response.
struct StorageRead {
    selector: felt,
    address: felt,
    value: felt,
}

func storage_read{syscall_ptr: felt*}(address: felt) -> (value: felt) {
    let syscall = [cast(syscall_ptr, StorageRead*)];
    assert syscall.selector = 'StorageRead';
    assert syscall.address = address;
    %{ syscall_handler.storage_read(segments=segments, syscall_ptr=ids.syscall_ptr) %}
    let syscall_ptr = syscall_ptr + StorageRead.SIZE;
    return (value=syscall.value);
}

func storage_write{syscall_ptr: felt*}(address: felt, value: felt) {
    assert [syscall_ptr] = 'StorageWrite';
    assert [syscall_ptr + 1] = address;
    assert [syscall_ptr + 2] = value;
    %{ syscall_handler.storage_write(segments=segments, syscall_ptr=ids.syscall_ptr) %}
    let syscall_ptr = syscall_ptr + 3;
    return ();
}

func emit_event{syscall_ptr: felt*}(keys_len: felt, keys: felt*, data_len: felt, data: felt*) {
    assert [syscall_ptr] = 'EmitEvent';
    assert [syscall_ptr + 1] = keys_len;
    assert [cast(syscall_ptr + 2, felt**)] = keys;
    assert [syscall_ptr + 3] = data_len;
    assert [cast(syscall_ptr + 4, felt**)] = data;
    %{ syscall_handler.emit_event(segments=segments, syscall_ptr=ids.syscall_ptr) %}
    let syscall_ptr = syscall_ptr + 5;
    return ();
}

func call_contract{syscall_ptr: felt*}(
    contract_address: felt, function_selector: felt, calldata_size: felt, calldata: felt*
) -> (retdata_size: felt, retdata: felt*) {
    assert [syscall_ptr] = 'CallContract';
    assert [syscall_ptr + 1] = contract_address;
    assert [syscall_ptr + 2] = function_selector;
    assert [syscall_ptr + 3] = calldata_size;
    assert [cast(syscall_ptr + 4, felt**)] = calldata;
    %{ syscall_handler.call_contract(segments=segments, syscall_ptr=ids.syscall_ptr) %}
    let retdata_size = [syscall_ptr + 5];
    let retdata = [cast(syscall_ptr + 6, felt**)];
    let syscall_ptr = syscall_ptr + 7;
    return (retdata_size=retdata_size, retdata=retdata);
}

func library_call{syscall_ptr: felt*}(
    class_hash: felt, function_selector: felt, calldata_size: felt, calldata: felt*
) -> (retdata_size: felt, retdata: felt*) {
    assert [syscall_ptr] = 'LibraryCall';
    assert [syscall_ptr + 1] = class_hash;
    assert [syscall_ptr + 2] = function_selector;
    assert [syscall_ptr + 3] = calldata_size;
    assert [cast(syscall_ptr + 4, felt**)] = calldata;
    %{ syscall_handler.library_call(segments=segments, syscall_ptr=ids.syscall_ptr) %}
    let retdata_size = [syscall_ptr + 5];
    let retdata = [cast(syscall_ptr + 6, felt**)];
    let syscall_ptr = syscall_ptr + 7;
    return (retdata_size=retdata_size, retdata=retdata);
}
