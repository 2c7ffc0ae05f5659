%lang starknet

from starkware.cairo.common.cairo_builtins import HashBuiltin

struct Point {
    x: felt,
    y: felt,
}

@storage_var
func balance(owner: felt) -> (res: felt) {
}

@storage_var
func origin() -> (p: Point) {
}

@event
func moved(who: felt, to: Point) {
}

@contract_interface
namespace IVault {
    func deposit(amount: felt) -> (new_balance: felt) {
    }
}

@constructor
func constructor{syscall_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr}(owner: felt) {
    balance.write(owner, 100);
    return ();
}

@external
func deposit{syscall_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr}(
    owner: felt, amount: felt
) -> (new_balance: felt) {
    let (old) = balance.read(owner);
    balance.write(owner, old + amount);
    return (new_balance=old + amount);
}

@external
func move{syscall_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr}(to: Point) {
    origin.write(to);
    moved.emit(who=0, to=to);
    return ();
}

@view
func sum(values_len: felt, values: felt*) -> (total: felt, doubled: Point) {
    if (values_len == 0) {
        return (total=0, doubled=Point(0, 0));
    }
    let (rest, _) = sum(values_len - 1, values + 1);
    return (total=rest + values[0], doubled=Point(2 * (rest + values[0]), 0));
}

@view
func echo(a_len: felt, a: felt*) -> (b_len: felt, b: felt*) {
    return (b_len=a_len, b=a);
}

@l1_handler
func on_message{syscall_ptr: felt*, pedersen_ptr: HashBuiltin*, range_check_ptr}(
    from_address: felt, owner: felt
) {
    balance.write(owner, from_address);
    return ();
}

@external
func forward{syscall_ptr: felt*, range_check_ptr}(vault: felt, amount: felt) -> (res: felt) {
    let (res) = IVault.deposit(contract_address=vault, amount=amount);
    return (res=res);
}

@external
@raw_input
@raw_output
func __default__(selector: felt, calldata_size: felt, calldata: felt*) -> (
    retdata_size: felt, retdata: felt*
) {
    return (retdata_size=calldata_size, retdata=calldata);
}
