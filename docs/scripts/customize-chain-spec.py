#!/usr/bin/env python3
"""Customizes a plain Cosmolocal chain specification for a new network.

Reads a plain chain spec (from `cosmolocal-node build-spec --chain local --disable-default-bootnode`)
and writes it back with the fields a new network sets: its name, id, protocol id and chain type,
its boot nodes, its genesis validators (`session.keys`), its governance (the members of the
Assembly, of the arbitration panel and the certifying bodies), its sudo key and the balances of its
accounts. The governance of the `local` preset (the public development accounts Alice to Ferdie,
whose keys everyone knows) is always replaced: by the accounts given, or by nobody. Everything else (the runtime's code, the open licences, the token's properties) is kept.
Turn the result into the raw form nodes share with `cosmolocal-node build-spec --chain <file> --raw`.

Addresses may be given in any SS58 format (Cosmolocal's own, prefix 4242, as `key generate` prints
them; or the generic one, prefix 42) or as 0x-prefixed 32-byte public keys. They are written in the
generic format (prefix 42): the runtime reads the genesis inside wasm, where only the generic
format is accepted (a prefix-4242 address there fails with `UnknownSs58AddressFormat`).

This uses Python rather than jq on purpose: jq 1.6 rewrites integers above 2^53, such as balances,
as floating point numbers (`1e+18`), which the runtime refuses.

Example:
  customize-chain-spec.py plain.json custom-plain.json \\
      --name "My Cosmolocal" --id my_cosmolocal --protocol-id my-cml --chain-type Live \\
      --validator <account>,<aura sr25519>,<grandpa ed25519> (once per validator) \\
      --assembly <account> (once per member cooperative) --panel <account> --certifier <account> \\
      --sudo <account> --balance <account>=1000 (CML, once per account) \\
      --bootnode /dns/boot.example.org/tcp/30333/p2p/12D3KooW...
"""

import argparse
import hashlib
import json
import re
import sys

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
GENERIC_PREFIX = 42


def b58decode(text):
    number = 0
    for char in text:
        index = BASE58_ALPHABET.find(char)
        if index < 0:
            raise ValueError(f"{text!r} is not base58")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading_zeros = len(text) - len(text.lstrip("1"))
    return b"\0" * leading_zeros + body


def b58encode(data):
    number = int.from_bytes(data, "big")
    text = ""
    while number:
        number, remainder = divmod(number, 58)
        text = BASE58_ALPHABET[remainder] + text
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * leading_zeros + text


def ss58_checksum(payload):
    return hashlib.blake2b(b"SS58PRE" + payload, digest_size=64).digest()[:2]


def public_key(address):
    """The 32-byte public key of an SS58 address (any prefix) or of a 0x-prefixed hex key."""
    if re.fullmatch(r"0x[0-9a-fA-F]{64}", address):
        return bytes.fromhex(address[2:])
    data = b58decode(address)
    if len(data) not in (35, 36):
        raise ValueError(f"{address!r} is not an SS58 address of a 32-byte key")
    payload, checksum = data[:-2], data[-2:]
    if ss58_checksum(payload) != checksum:
        raise ValueError(f"{address!r} has a wrong SS58 checksum")
    return payload[-32:]


def generic_address(address):
    """The address of the same key in the generic SS58 format (prefix 42)."""
    payload = bytes([GENERIC_PREFIX]) + public_key(address)
    return b58encode(payload + ss58_checksum(payload))


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("input", help="plain chain spec to read ('-' for standard input)")
    parser.add_argument("output", help="plain chain spec to write ('-' for standard output)")
    parser.add_argument("--name", help="the network's human-readable name")
    parser.add_argument("--id", help="the network's id: the folder under <base-path>/chains/")
    parser.add_argument(
        "--protocol-id", help="the network's peer-to-peer protocol id (short, lower case)"
    )
    parser.add_argument(
        "--chain-type", choices=["Development", "Local", "Live"], help="the chain type"
    )
    parser.add_argument(
        "--validator",
        action="append",
        default=[],
        metavar="ACCOUNT,AURA,GRANDPA",
        help="a genesis validator: its account, Aura (sr25519) and GRANDPA (ed25519) public keys; "
        "the list replaces the spec's validators",
    )
    for option, what in [
        ("--assembly", "a member of the Assembly"),
        ("--panel", "a member of the arbitration panel"),
        ("--certifier", "a certifying body"),
    ]:
        parser.add_argument(
            option,
            action="append",
            default=[],
            metavar="ACCOUNT",
            help=f"{what} at genesis (once per account); without any, there is none",
        )
    parser.add_argument("--sudo", metavar="ACCOUNT", help="the account holding the sudo key")
    parser.add_argument(
        "--balance",
        action="append",
        default=[],
        metavar="ACCOUNT=CML",
        help="an account's balance at genesis, in whole CML; the list replaces the spec's balances",
    )
    parser.add_argument(
        "--bootnode",
        action="append",
        default=[],
        metavar="MULTIADDR",
        help="a boot node (/ip4|/dns/…/tcp/<port>/p2p/<peer id>); the list replaces the spec's",
    )
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    source = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    with source:
        spec = json.load(source)
    genesis = spec.get("genesis", {}).get("runtimeGenesis", {})
    patch = genesis.get("patch")
    if patch is None:
        sys.exit(
            "error: not a plain chain spec built from a preset (no genesis.runtimeGenesis.patch); "
            "give the output of `build-spec` without --raw"
        )

    if args.name:
        spec["name"] = args.name
    if args.id:
        spec["id"] = args.id
    if args.protocol_id:
        spec["protocolId"] = args.protocol_id
    if args.chain_type:
        spec["chainType"] = args.chain_type
    if args.bootnode:
        spec["bootNodes"] = args.bootnode

    if args.validator:
        keys = []
        for entry in args.validator:
            parts = entry.split(",")
            if len(parts) != 3:
                sys.exit(f"error: --validator {entry!r}: expected ACCOUNT,AURA,GRANDPA")
            account, aura, grandpa = (generic_address(part.strip()) for part in parts)
            keys.append([account, account, {"aura": aura, "grandpa": grandpa}])
        accounts = [entry[0] for entry in keys]
        if len(set(accounts)) != len(accounts):
            sys.exit("error: a validator account is given twice")
        patch.setdefault("session", {})["keys"] = keys

    # The preset's governance is the public development accounts': never keep it.
    for section, accounts in [
        ("councilMembership", args.assembly),
        ("technicalMembership", args.panel),
        ("certifiers", args.certifier),
    ]:
        members = [generic_address(account.strip()) for account in accounts]
        if len(set(members)) != len(members):
            sys.exit(f"error: an account is given twice as a member of {section}")
        patch[section] = {"members": members}

    patch["sudo"] = {"key": generic_address(args.sudo) if args.sudo else None}

    if args.balance:
        decimals = int(spec.get("properties", {}).get("tokenDecimals", 12))
        balances = []
        for entry in args.balance:
            account, _, amount = entry.partition("=")
            if not amount.isdigit():
                sys.exit(f"error: --balance {entry!r}: expected ACCOUNT=<whole CML>")
            balances.append([generic_address(account.strip()), int(amount) * 10**decimals])
        patch.setdefault("balances", {})["balances"] = balances

    destination = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    with destination:
        json.dump(spec, destination, indent=2)
        destination.write("\n")


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except ValueError as error:
        sys.exit(f"error: {error}")
