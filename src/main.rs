fn main() {
    reperes::start();
}
