package org.lurewatch.cli;
public class Lurewatch { public static void main(String[] a) {} }
